"""One page of a Django ``Paginator`` from the raw ``page`` value, with a note when it is bad."""

from .params import ParameterError, parse_page


def page_of(paginator, raw):
    """The requested page (the last one when beyond it) and a list of notes for the reader."""
    try:
        number = parse_page(raw)
    except ParameterError as error:
        return paginator.page(1), [f"{error.message}已显示第1页。"]
    if number > paginator.num_pages:
        note = f"第{number}页不存在（共{paginator.num_pages}页），已显示最后一页。"
        return paginator.page(paginator.num_pages), [note]
    return paginator.page(number), []
