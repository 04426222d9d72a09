from django.dispatch import Signal

# Sent with `agency` once its collection and groups exist (on creation, and when provisioned again):
# apps that give an agency more (the hub's section page) listen.
agency_provisioned = Signal()
