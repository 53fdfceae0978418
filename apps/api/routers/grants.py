"""API router for the grants app."""

from ninja import Router

router = Router()
