"""Form widgets that speak Chinese where the browser's own controls speak the browser's language."""

from django import forms


class ChineseFileInput(forms.ClearableFileInput):
    """A file picker whose button and "no file" text are Chinese (an en-US browser's own reads "Choose Files")."""

    template_name = "importers/widgets/file_input.html"

    class Media:
        css = {"all": ["importers/file_picker.css"]}
        js = ["importers/file_picker.js"]
