"""A second factor (TOTP, RFC 6238) for everyone who can reach the admin.

Graded protection (等保) expects more than a password for administrators. After the password,
the admin asks for the six-digit code of an authenticator app (``django-otp``'s TOTP device);
an account without a device is taken to enrolment first, and gets ten recovery codes
(``django-otp``'s static device) for a lost phone. ``GONGKAI_SECOND_FACTOR`` says who must:
``all`` (production's default), nobody (empty), or a comma-separated list of group names
(superusers always included then). An operator resets a lost device with
``manage.py secondfactor_reset USERNAME``.
"""
