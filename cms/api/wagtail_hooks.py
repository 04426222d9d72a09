from wagtail import hooks

from .admin_endpoints import register_checked_endpoints


# After Wagtail's own hooks (order 0), which register the unchecked, unfiltered endpoints.
@hooks.register("construct_admin_api", order=100)
def checked_admin_api(router):
    register_checked_endpoints(router)
