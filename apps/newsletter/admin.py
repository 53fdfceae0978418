from django.contrib import admin

from .models import Delivery, Issue, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "language", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    readonly_fields = [
        "consent_text",
        "consent_at",
        "consent_ip",
        "consent_user_agent",
        "confirmed_at",
        "unsubscribed_at",
    ]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "scheduled_at", "sent_at"]
    list_filter = ["status"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["issue", "subscriber", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    raw_id_fields = ["issue", "subscriber"]
