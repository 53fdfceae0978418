from django.urls import path

from . import oidc, views

app_name = "accounts"

urlpatterns = [
    path("konto/", views.profile, name="profile"),
    path("konto/registrer/", views.signup, name="signup"),
    path("konto/registrer/sendt/", views.signup_done, name="signup-done"),
    path("konto/bekreft/send-igjen/", views.resend_verification, name="resend-verification"),
    path("konto/bekreft/<str:token>/", views.verify, name="verify"),
    path("konto/logg-inn/", views.LoginView.as_view(), name="login"),
    path("konto/logg-ut/", oidc.LogoutView.as_view(), name="logout"),
    path(
        "konto/glemt-passord/",
        views.ratelimit_post("password_reset")(views.PasswordResetView.as_view()),
        name="password-reset",
    ),
    path(
        "konto/glemt-passord/sendt/",
        views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "konto/glemt-passord/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "konto/glemt-passord/ferdig/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("konto/passord/", views.PasswordChangeView.as_view(), name="password-change"),
    path("konto/mine-data.json", views.my_data, name="my-data"),
    path("konto/slett/", views.delete_account, name="delete-account"),
    path("konto/tofaktor/", views.two_factor, name="two-factor"),
    path("konto/tofaktor/fjern/", views.two_factor_remove, name="two-factor-remove"),
    path("konto/invitasjon/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("organisasjoner/", views.organisation_list, name="organisation-list"),
    path("organisasjoner/ny/", views.organisation_create, name="organisation-create"),
    path(
        "organisasjoner/verifisering/",
        views.organisation_verification,
        name="organisation-verification",
    ),
    path(
        "organisasjoner/<slug:slug>/verifiser/",
        views.organisation_verify,
        name="organisation-verify",
    ),
    path(
        "organisasjoner/<slug:slug>/avvis-krav/",
        views.organisation_claim_reject,
        name="organisation-claim-reject",
    ),
    path("organisasjoner/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("organisasjoner/<slug:slug>/rediger/", views.organisation_edit, name="organisation-edit"),
    path(
        "organisasjoner/<slug:slug>/bli-med/", views.join_request_create, name="join-request-create"
    ),
    path(
        "organisasjoner/<slug:slug>/medlemmer/",
        views.organisation_members,
        name="organisation-members",
    ),
    path(
        "organisasjoner/<slug:slug>/medlemmer/inviter/",
        views.organisation_invite,
        name="organisation-invite",
    ),
    path(
        "organisasjoner/<slug:slug>/medlemmer/<int:pk>/fjern/",
        views.member_remove,
        name="member-remove",
    ),
    path(
        "organisasjoner/<slug:slug>/foresporsler/<int:pk>/",
        views.join_request_decide,
        name="join-request-decide",
    ),
    path("konto/id-porten/", oidc.LoginStartView.as_view(), name="oidc-login"),
    path("konto/id-porten/tilbake/", oidc.LoginCallbackView.as_view(), name="oidc-callback"),
    path("konto/ansattporten/", oidc.AnsattportenStartView.as_view(), name="ansattporten-login"),
    path(
        "konto/ansattporten/tilbake/",
        oidc.AnsattportenCallbackView.as_view(),
        name="ansattporten-callback",
    ),
    path(
        "konto/ansattporten/virksomhet/",
        oidc.ansattporten_organisation,
        name="ansattporten-organisation",
    ),
    path("konto/innlogginger/koble/", oidc.link_confirm, name="identity-link"),
    path("konto/innlogginger/ikke-koblet/", oidc.not_linked, name="identity-not-linked"),
    path("konto/innlogginger/<int:pk>/fjern/", oidc.unlink, name="identity-unlink"),
]
