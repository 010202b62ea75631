"""One page of a Django ``Paginator`` from the raw ``page`` value, with a note when it is bad."""

from .params import FALLBACK, ParameterError, parse_page


def within(number, num_pages):
    """The page number to show (the last page when beyond it) and a note when it was moved."""
    if number > num_pages:
        return num_pages, [f"第{number}页不存在（共{num_pages}页），已显示最后一页。"]
    return number, []


def page_of(paginator, raw):
    """The requested page (the last one when beyond it) and a list of notes for the reader."""
    try:
        number = parse_page(raw)
    except ParameterError as error:
        return paginator.page(1), [f"{error.message}{FALLBACK['page']}"]
    number, notes = within(number, paginator.num_pages)
    return paginator.page(number), notes
