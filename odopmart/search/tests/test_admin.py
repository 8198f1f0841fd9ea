import pytest
from django.urls import reverse

from odopmart.search.models import SearchDocument
from odopmart.search.services import search_index_rebuild

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["searchdocument", "searchword", "searchterm"])
def test_index_is_browsable_but_not_editable(admin_client, make_product, model):
    product = make_product(name_en="Moonj basket", name_hi="मूंज की टोकरी")
    search_index_rebuild()
    changelist = reverse(f"admin:search_{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "moonj"}).status_code == 200
    assert admin_client.get(reverse(f"admin:search_{model}_add")).status_code == 403
    if model == "searchdocument":
        page = admin_client.get(reverse("admin:search_searchdocument_change", args=[product.pk]))
        assert page.status_code == 200
        assert "moonj" in page.content.decode()
        assert SearchDocument.objects.count() == 1
