"""How often one client may send a 纠错 report (counted by ``throttling.ratelimit``)."""

from throttling.ratelimit import Limit

REPORT = Limit("portal:report", 5, 3600)
REPORT_DAY = Limit("portal:report-day", 20, 86400)
