from django.contrib import admin

from .models import RegisterCheck


@admin.register(RegisterCheck)
class RegisterCheckAdmin(admin.ModelAdmin):
    """Read-only: the answers come from the register, never typed in here."""

    list_display = ["org_number", "name", "status", "bankrupt", "being_wound_up", "checked_at"]
    list_filter = ["status", "bankrupt", "being_wound_up", "forced_wind_up"]
    search_fields = ["org_number", "name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
