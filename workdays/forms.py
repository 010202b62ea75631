"""The arrangement's admin form: every date belongs to its year and appears once."""

import datetime

from wagtail.admin.forms import WagtailAdminModelForm


def _days(start, end):
    return {start + datetime.timedelta(days=n) for n in range((end - start).days + 1)}


class HolidayArrangementForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        formset = self.formsets.get("days")
        if not year or formset is None:
            return cleaned
        formset.is_valid()  # runs each row's own validation first, so cleaned_data exists
        # A New Year holiday or its make-up day may fall in the previous December.
        first, last = datetime.date(year - 1, 12, 1), datetime.date(year, 12, 31)
        seen = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            start = data.get("start")
            if not start or data.get("DELETE"):
                continue
            end = data.get("end") or start
            if end < start or end - start > datetime.timedelta(days=30):
                continue  # the row's own validation reports it
            if start < first or end > last:
                form.add_error("start", f"日期应在{year - 1}年12月1日至{year}年12月31日之间")
                continue
            for day in sorted(_days(start, end)):
                if day in seen:
                    form.add_error(
                        "start", f"{day.month}月{day.day}日已列在“{seen[day]}”中，不能重复"
                    )
                    break
                seen[day] = data.get("festival") or "另一行"
        return cleaned
