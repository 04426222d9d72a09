from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Agency
from .provisioning import provision_agency


@receiver(post_save, sender=Agency)
def provision_new_agency(sender, instance: Agency, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        provision_agency(instance)
