"""The annual report's statistics as real tables in the admin: one number input per cell.

``TableField`` replaces the JSON text areas: it renders the prescribed rows and columns with
their Chinese labels and cleans every cell to a non-negative number, naming the row in errors.
"""

from decimal import Decimal, InvalidOperation

from django import forms

from . import report_tables as tables


class TableWidget(forms.Widget):
    template_name = "enquiries/admin/table_widget.html"

    def __init__(self, rows, headings, attrs=None):
        """``rows``: [(key, label, depth, columns)]; ``headings``: column labels or None."""
        super().__init__(attrs)
        self.rows = rows
        self.headings = headings

    def value_from_datadict(self, data, files, name):
        return {
            key: [data.get(f"{name}-{key}-{i}", "") for i in range(columns)]
            for key, _label, _depth, columns in self.rows
        }

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = value if isinstance(value, dict) else {}
        most = max(columns for *_rest, columns in self.rows)
        context["headings"] = self.headings
        context["table_rows"] = [
            {
                "label": label,
                "depth": depth,
                "cells": [
                    (f"{name}-{key}-{i}", _cell(value.get(key), i), f"{label} 第{i + 1}列")
                    for i in range(columns)
                ],
                "pad": range(most - columns),
            }
            for key, label, depth, columns in self.rows
        ]
        return context


def _cell(row, i):
    if isinstance(row, list) and i < len(row):
        return row[i]
    return 0


class TableField(forms.Field):
    def __init__(self, rows, headings=None, decimals=(), **kwargs):
        self.rows = rows
        self.decimals = set(decimals)  # row keys whose cells may hold decimals (金额)
        kwargs.setdefault("required", False)
        super().__init__(widget=TableWidget(rows, headings), **kwargs)

    def to_python(self, value):
        if not isinstance(value, dict):
            return value
        errors, table = [], {}
        for key, label, _depth, columns in self.rows:
            cells = list(value.get(key) or [])[:columns] + [0] * columns
            table[key] = []
            for i, raw in enumerate(cells[:columns]):
                number = _number(raw, key in self.decimals)
                if number is None:
                    errors.append(
                        f"“{label}”第{i + 1}列应为非负{'数' if key in self.decimals else '整数'}"
                    )
                    number = 0
                table[key].append(number)
        if errors:
            raise forms.ValidationError(errors)
        return table


def _number(raw, decimal):
    text = str(raw).strip() or "0"
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if number < 0 or (not decimal and number != number.to_integral_value()):
        return None
    return float(number) if decimal and number != number.to_integral_value() else int(number)


def application_field():
    rows = [
        (key, label, depth, len(tables.COLUMNS)) for key, label, depth in tables.application_rows()
    ]
    return TableField(
        rows, ["项目", *tables.COLUMN_LABELS], label="三、收到和处理政府信息公开申请情况"
    )


def proactive_field():
    rows = [
        (key, f"{label}：{'、'.join(headings)}", 0, len(headings))
        for key, _article, label, headings in tables.PROACTIVE_ROWS
    ]
    return TableField(rows, None, decimals={"fees"}, label="二、主动公开政府信息情况")


def review_field():
    rows = [(key, label, 0, len(tables.REVIEW_RESULTS)) for key, label in tables.REVIEW_GROUPS]
    return TableField(
        rows, ["类别", *tables.REVIEW_RESULTS], label="四、政府信息公开行政复议、行政诉讼情况"
    )
