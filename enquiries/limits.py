"""How often one client may file or look up enquiries (counted by ``throttling.ratelimit``)."""

from throttling.ratelimit import Limit

SUBMIT = Limit("enquiries:submit", 5, 3600)
SUBMIT_DAY = Limit("enquiries:submit-day", 20, 86400)
LOOKUP = Limit("enquiries:lookup", 10, 600)
LOOKUP_NUMBER = Limit("enquiries:lookup-number", 5, 900)  # wrong phone digits for one number
