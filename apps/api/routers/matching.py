"""API router for the matching app."""

from ninja import Router

router = Router()
