#!/usr/bin/env bash
# Django's deployment checklist under production settings, with throwaway values for the
# secrets production refuses to start without. Fails on any warning.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE=config.settings.production \
DJANGO_SECRET_KEY="check-deploy-$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')" \
DJANGO_ALLOWED_HOSTS="kokeboka.example" \
KOKEBOKA_SINGLE_INSTANCE=true \
DATABASE_URL="sqlite:///$(mktemp -d)/check.sqlite3" \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
