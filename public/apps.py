from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        from jobs.exports import register_writer
        from jobs.models import Export
        from public.compilation_files import write_compilation

        # The compilation's files are written by the jobs; the jobs may not import the compilation room (the same
        # floor), so this room, above both, tells them how (public/compilation_files.py).
        register_writer(Export.Kind.COMPILATION, write_compilation)
