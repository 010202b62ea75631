#!/bin/sh
# Steps after each code update, run as the gongkai user from the checkout with the env loaded:
#   set -a; . /etc/gongkai/gongkai.env; set +a; sh site/deploy/deploy.sh
set -eu
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py home_site_address                      # Site = GONGKAI_BASE_URL
.venv/bin/python manage.py disclosures_setup_village --all        # clerk + committee groups, workflow per village (idempotent)
.venv/bin/python manage.py collectstatic --noinput --verbosity 0   # hashed + .gz, served by nginx
.venv/bin/python manage.py check --deploy --fail-level WARNING
.venv/bin/python manage.py pagecache_rebuild                      # every published page, 4 variants
