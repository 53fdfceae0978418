"""The public, versioned JSON API. Routers live in apps/api/routers/ and call selectors."""

from ninja import NinjaAPI

from .routers import blog, cases, cookbook, events, rules, veiviser

api = NinjaAPI(
    title="Kokeboka API",
    version="1",
    description=(
        "Open data from Kokeboka: recipes, legal rules and thresholds, blog posts. "
        'Only published content. Lists are paginated as {"items": [...], "count": N}.'
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/recipes", cookbook.router)
api.add_router("/", rules.router)
api.add_router("/posts", blog.router)
api.add_router("/veiviser", veiviser.router)
api.add_router("/cases", cases.router)
api.add_router("/events", events.router)
