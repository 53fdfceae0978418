from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Invitation, JoinRequest, Membership, Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "is_staff",
        "is_active",
        "email_verified_at",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["anonymised_at"]
    fieldsets = (
        (None, {"fields": ("email", "password", "email_verified_at")}),
        ("Personal", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined", "anonymised_at")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality", "org_number", "work_integration", "verified_at"]
    list_filter = ["type", "legal_form", "work_integration", "verified_via"]
    search_fields = ["name", "org_number", "municipality__name", "external_key"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["municipality", "county"]
    # Verification is a recorded act of national staff (services.organisation_verify), never
    # a field someone types in.
    readonly_fields = ["verified_at", "verified_by", "verified_via"]
    inlines = [MembershipInline]
    actions = ["verify_selected"]

    @admin.action(description=_("Verify the selected organisations (Kokeboka's staff)"))
    def verify_selected(self, request, queryset):
        from django.contrib import messages

        from .permissions import is_platform_staff
        from .services import organisation_verify

        if not is_platform_staff(request.user):
            self.message_user(
                request,
                _("Only Kokeboka's staff, with a second factor, may verify organisations."),
                level=messages.ERROR,
            )
            return
        count = 0
        for organisation in queryset.filter(verified_at__isnull=True):
            organisation_verify(actor=request.user, organisation=organisation)
            count += 1
        self.message_user(request, _("%(count)d verified.") % {"count": count})


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    exclude = ["token_hash"]
    raw_id_fields = ["organisation", "accepted_by", "invited_by"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "organisation", "decided_by"]
