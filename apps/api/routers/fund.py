"""API router for the fund app."""

from ninja import Router

router = Router()
