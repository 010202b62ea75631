"""Personal data in public text: one place that finds and masks it.

Every output that shows text written by or about a person goes through this package: disclosure
pages, enquiry copies, the API, feeds, the search index, exports and mails. Text is normalised
first the way phones and input methods write it (full-width digits, ＠, +86 prefixes, dots,
dashes and spaces inside numbers, zero-width characters), then matched; the original text is
masked at the places the matches came from, so everything else stays as it was written.

- ``normalise``: width, separators and invisible characters, with a map back to the original.
- ``detect``: what counts as an ID number, a mobile or bank number, an e-mail address…, with
  the check digits validated by python-stdnum (GB 11643, Luhn).
- ``masking``: one masking format for each kind.
- ``identity``: the checks an applicant's own ID number goes through, with Chinese messages.
"""
