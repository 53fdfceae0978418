app_name = "routeguide"
urlpatterns: list = []
