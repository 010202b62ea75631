"""The admin form of a collection: criteria as checkboxes and lists with Chinese labels."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from .sources import choices
from .validation import VALIDITY_VALUES, as_ids, missing_references


def _reference_field(model_label, label, help_text, checkboxes=False):
    from django.apps import apps

    model = apps.get_model(model_label)
    queryset = model.objects.all()
    if model_label == "policies.PolicyPackagePage":
        queryset = queryset.order_by("title")
    widget = forms.CheckboxSelectMultiple if checkboxes else forms.SelectMultiple(attrs={"size": 8})
    return forms.ModelMultipleChoiceField(
        queryset=queryset, required=False, label=label, help_text=help_text, widget=widget
    )


class CollectionPageForm(WagtailAdminPageForm):
    """Stores the chosen topics, authorities, regions and packages as lists of ids, and tells
    the editor when something a saved criterion pointed at has been deleted."""

    reference_fields = ("topic_ids", "authority_ids", "region_ids", "package_ids")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_types"] = forms.MultipleChoiceField(
            choices=choices,
            required=False,
            label="内容类型",
            help_text="不选则包含全部类型",
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["topic_ids"] = _reference_field(
            "taxonomy.Topic",
            "主题分类",
            "带任一所选主题即符合；只有政策文件、政策解读（按所解读的文件）和典型案例有主题",
            checkboxes=True,
        )
        self.fields["authority_ids"] = _reference_field(
            "taxonomy.IssuingAuthority",
            "发文机关",
            "按住 Ctrl（Mac 为 ⌘）可多选；只有政策文件和政策解读（按所解读的文件）有发文机关",
        )
        self.fields["region_ids"] = _reference_field(
            "taxonomy.Region",
            "地区",
            "选择省份会同时收录其下各地；图片报道和四务公开没有地区，选择地区后不会收录",
        )
        self.fields["package_ids"] = _reference_field(
            "policies.PolicyPackagePage",
            "政策体系",
            "收录体系中的成员文件及其解读",
        )
        self.fields["validity"] = forms.MultipleChoiceField(
            choices=[(v, v) for v in VALIDITY_VALUES],
            required=False,
            label="有效性",
            help_text="只限制政策文件和政策解读，其他内容类型不受影响；不选则不限",
            widget=forms.CheckboxSelectMultiple,
        )
        for name in ("content_types", "validity"):
            stored = getattr(self.instance, name, None)
            self.initial[name] = stored if isinstance(stored, list) else []
        for name in self.reference_fields:
            self.initial[name] = as_ids(getattr(self.instance, name, None))
        self.deleted_references = missing_references(self.instance) if self.instance.pk else {}
        for name, ids in self.deleted_references.items():
            field = self.fields[name]
            field.help_text = (
                f"注意：原条件中编号为 {'、'.join(map(str, ids))} 的{field.label}已被删除，"
                f"公开页面上已不按其收录内容；请重新选择后保存。{field.help_text}"
            )

    def _ids(self, name):
        return [obj.pk for obj in self.cleaned_data.get(name) or []]

    def clean_topic_ids(self):
        return self._ids("topic_ids")

    def clean_authority_ids(self):
        return self._ids("authority_ids")

    def clean_region_ids(self):
        return self._ids("region_ids")

    def clean_package_ids(self):
        return self._ids("package_ids")

    def clean_content_types(self):
        return list(self.cleaned_data.get("content_types") or [])

    def clean_validity(self):
        return list(self.cleaned_data.get("validity") or [])
