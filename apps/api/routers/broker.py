"""API router for the broker app."""

from ninja import Router

router = Router()
