"""How often one address may object or comment (counted by ``throttling.ratelimit``)."""

from throttling.ratelimit import Limit

OBJECT = Limit("notices:objection", 5, 3600)
COMMENT = Limit("notices:comment", 10, 3600)
COMMENT_DAY = Limit("notices:comment-day", 30, 86400)
LOOKUP = Limit("notices:lookup", 10, 600)
