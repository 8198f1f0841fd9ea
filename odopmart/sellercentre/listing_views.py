"""Seller-centre listing pages: listings, create and edit, variants, stock, photos, submitting for
review, bulk import, the catalogue desk's artisans and the moderators' queue.

Who may see what (answers are 404, never 403, so other sellers' ids can't be probed):
vendor members manage their vendors' listings; the catalogue desk the listings of the artisans
assigned to it; operator admins everything; moderators moderate. Views only check that, read the
form and call the catalogue's services.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from odopmart.accounts.roles import has_staff_role
from odopmart.catalog.bulk_import import (
    import_batch_commit,
    import_batch_issues,
    import_batch_preview,
    import_template,
    max_file_mb,
    max_rows,
)
from odopmart.catalog.forms import (
    ArtisanChoiceForm,
    ImportConfirmForm,
    ImportUploadForm,
    ListingFilterForm,
    ModerationForm,
    PhotoForm,
    ProductForm,
    ReasonForm,
    StockForm,
    VariantForm,
    forms_add_issues,
)
from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.listing_services import (
    category_usual_for,
    product_create,
    product_image_add,
    product_image_remove,
    product_update,
    variant_upsert,
    variants_set_stock,
)
from odopmart.catalog.models import (
    ImportBatch,
    ImportBatchStatus,
    Product,
    ProductImage,
    ProductStatus,
)
from odopmart.catalog.moderation import (
    PRODUCT_TRANSITIONS,
    STATUS_HELP,
    CheckItem,
    checklist_failures,
    checklist_warnings,
    listing_checklist,
    listing_checklists,
    moderation_queue,
    product_status_history,
    product_transition,
)
from odopmart.sellers.access import (
    artisans_for_user,
    is_catalogue_desk,
    is_operator_admin,
    is_vendor_member,
    require_vendor,
    vendors_for_user,
)
from odopmart.sellers.models import Artisan, Vendor
from odopmart.sellers.selectors import odop_products_for_artisan

PAGE_SIZE = 25


# --- who may do what ------------------------------------------------------------------------


def _signed_in(request: HttpRequest) -> HttpResponse | None:
    """A sign-in redirect for visitors, where the sign-in page exists; 404 otherwise."""
    if request.user.is_authenticated and request.user.is_active:
        return None
    try:
        reverse(settings.LOGIN_URL)
    except NoReverseMatch:
        raise Http404 from None
    return redirect_to_login(request.get_full_path())


def desk_artisans(user: Any) -> QuerySet[Artisan]:
    """Artisans the catalogue desk (or an operator admin) lists for; none for anyone else."""
    if is_operator_admin(user):
        return Artisan.objects.select_related("vendor", "district").order_by("name_en", "pk")
    if not is_catalogue_desk(user):
        return Artisan.objects.none()
    # An artisan's own sign-in may look at themself but not list for themself.
    return artisans_for_user(user).exclude(user=user)


def managed_artisans(user: Any) -> QuerySet[Artisan]:
    """Artisans the user may list products for."""
    if is_operator_admin(user):
        return desk_artisans(user)
    scope = Q(vendor__in=vendors_for_user(user).values("pk"))
    if is_catalogue_desk(user):
        scope |= Q(pk__in=desk_artisans(user).values("pk"))
    return (
        Artisan.objects.filter(scope).select_related("vendor", "district").order_by("name_en", "pk")
    )


def managed_products(user: Any) -> QuerySet[Product]:
    """Listings the user may manage: their vendors' listings and the desk's artisans' listings."""
    if is_operator_admin(user):
        return Product.objects.all()
    scope = Q(vendor__in=vendors_for_user(user).values("pk"))
    if is_catalogue_desk(user):
        scope |= Q(artisan__in=desk_artisans(user).values("pk"))
    return Product.objects.filter(scope)


def _product_or_404(request: HttpRequest, pk: int) -> Product:
    return get_object_or_404(
        managed_products(request.user).select_related(
            "vendor", "artisan__district", "odop_product__district", "category"
        ),
        pk=pk,
    )


def _moderator_or_404(request: HttpRequest) -> None:
    if not has_staff_role(request.user, "moderator"):
        raise Http404


def _detail_url(product: Product) -> str:
    return reverse("sellercentre:listing_detail", args=[product.pk])


def _posted(request: HttpRequest) -> Any:
    """The form data of a POST (even an empty one), None for other methods."""
    return request.POST if request.method == "POST" else None


def _render(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200):
    context.setdefault("section", "listings")
    return render(request, f"sellercentre/{template}", context, status=status)


# --- listings -------------------------------------------------------------------------------


def listings(request: HttpRequest) -> HttpResponse:
    if response := _signed_in(request):
        return response
    filters = ListingFilterForm(request.GET or None)
    status, query = filters.filters()
    products = managed_products(request.user)
    vendor_id = request.GET.get("vendor", "")
    if vendor_id.isdigit():
        # A member of several vendors narrows the list to one (the dashboard links do this).
        products = products.filter(vendor_id=int(vendor_id))
    counts = dict(products.values_list("status").annotate(n=Count("id")).order_by())
    if status:
        products = products.filter(status=status)
    if query:
        products = products.filter(
            Q(name_en__icontains=query)
            | Q(name_hi__icontains=query)
            | Q(variants__sku__iexact=query)
        ).distinct()
    page = Paginator(
        products.select_related("artisan", "category").order_by("-updated_at", "-id"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return _render(
        request,
        "listings/index.html",
        {
            "filters": filters,
            "page": page,
            "counts": [
                (value, label, counts.get(value, 0)) for value, label in ProductStatus.choices
            ],
            "status": status,
            "query": query,
            "can_create": managed_artisans(request.user).exists(),
            "is_desk": desk_artisans(request.user).exists(),
            "has_vendor": vendors_for_user(request.user).exists(),
        },
    )


def listing_new(request: HttpRequest) -> HttpResponse:
    """Choose whose product to list (skipped when there is only one artisan)."""
    if response := _signed_in(request):
        return response
    artisans = managed_artisans(request.user)
    if not artisans.exists() and not vendors_for_user(request.user).exists():
        raise Http404
    form = ArtisanChoiceForm(request.GET or None, artisans=artisans)
    if form.is_valid():
        return redirect("sellercentre:listing_create", artisan_id=form.cleaned_data["artisan"].pk)
    if not request.GET and artisans.count() == 1:
        return redirect("sellercentre:listing_create", artisan_id=artisans.get().pk)
    return _render(request, "listings/choose_artisan.html", {"form": form, "artisans": artisans})


def _split_issues(
    error: ListingError, product_form: ProductForm, variant_form: VariantForm | None
) -> None:
    product_issues = ListingError([i for i in error.issues if i.index is None])
    variant_issues = ListingError([i for i in error.issues if i.index is not None])
    forms_add_issues(product_form, product_issues)
    if variant_form is not None:
        forms_add_issues(variant_form, variant_issues)


def listing_create(request: HttpRequest, artisan_id: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    artisan = get_object_or_404(managed_artisans(request.user), pk=artisan_id)
    odop_products = odop_products_for_artisan(artisan).order_by("rank", "name_en")
    data = request.POST if request.method == "POST" else None
    first_odop = odop_products.first()
    product_form = ProductForm(
        data,
        odop_products=odop_products,
        initial={"odop_product": first_odop, "category": category_usual_for(first_odop)},
    )
    variant_form = VariantForm(data, prefix="variant", initial={"stock": 1})
    if request.method == "POST" and product_form.is_valid() and variant_form.is_valid():
        try:
            product = product_create(
                actor=request.user,
                vendor=artisan.vendor,
                artisan=artisan,
                data=product_form.product_data([variant_form.variant_data()]),
            )
        except ListingError as error:
            _split_issues(error, product_form, variant_form)
        else:
            messages.success(request, _("Saved as a draft. Add photos, then send it for review."))
            return redirect(_detail_url(product))
    return _render(
        request,
        "listings/form.html",
        {
            "artisan": artisan,
            "form": product_form,
            "variant_form": variant_form,
            "creating": True,
        },
        status=400 if request.method == "POST" else 200,
    )


def listing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    if product.status == ProductStatus.ARCHIVED:
        raise Http404
    odop_products = odop_products_for_artisan(product.artisan).order_by("rank", "name_en")
    if not odop_products.filter(pk=product.odop_product_id).exists():
        odop_products = odop_products.model.objects.filter(
            Q(pk__in=odop_products.values("pk")) | Q(pk=product.odop_product_id)
        ).select_related("district")
    form = ProductForm(
        request.POST if request.method == "POST" else None,
        odop_products=odop_products,
        initial=ProductForm.initial_for(product),
    )
    if request.method == "POST" and form.is_valid():
        was_approved = product.status == ProductStatus.APPROVED
        try:
            product = product_update(
                actor=request.user, product_id=product.pk, data=form.product_data()
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            if was_approved and product.status == ProductStatus.SUBMITTED:
                messages.success(request, _("Saved. The listing is back with the moderators."))
            else:
                messages.success(request, _("Saved."))
            return redirect(_detail_url(product))
    return _render(
        request,
        "listings/form.html",
        {"artisan": product.artisan, "product": product, "form": form, "creating": False},
        status=400 if request.method == "POST" else 200,
    )


def _detail_context(request: HttpRequest, product: Product, **forms: Any) -> dict[str, Any]:
    variants = list(product.variants.all())
    checklist = listing_checklist(product)
    return {
        "product": product,
        "variants": variants,
        "images": list(product.images.all()),
        "checklist": checklist,
        "blocking": checklist_failures(checklist, blocking_only=True),
        "history": product_status_history(product)[:20],
        "stock_form": forms.get("stock_form") or StockForm(variants=variants),
        "photo_form": forms.get("photo_form") or PhotoForm(),
        "status_help": STATUS_HELP.get(product.status, ""),
        "can_submit": ProductStatus.SUBMITTED in PRODUCT_TRANSITIONS[product.status]
        and product.status != ProductStatus.APPROVED,
        "can_archive": ProductStatus.ARCHIVED in PRODUCT_TRANSITIONS[product.status],
        "editable": product.status != ProductStatus.ARCHIVED,
    }


def listing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    return _render(request, "listings/detail.html", _detail_context(request, product))


def listing_variant(request: HttpRequest, pk: int, variant_id: int | None = None) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    if product.status == ProductStatus.ARCHIVED:
        raise Http404
    variant = get_object_or_404(product.variants, pk=variant_id) if variant_id else None
    form = VariantForm(
        request.POST if request.method == "POST" else None,
        show_active=variant is not None,
        initial=VariantForm.initial_for(variant) if variant else {"stock": 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            variant_upsert(
                actor=request.user,
                product_id=product.pk,
                variant_id=variant.pk if variant else None,
                data=form.variant_data(),
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(_detail_url(product))
    return _render(
        request,
        "listings/variant_form.html",
        {"product": product, "variant": variant, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def listing_stock(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    form = StockForm(request.POST, variants=list(product.variants.all()))
    if form.is_valid():
        try:
            variants_set_stock(
                actor=request.user, product_id=product.pk, stock=form.stock_by_variant()
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            messages.success(request, _("Stock saved."))
            return redirect(_detail_url(product))
    return _render(
        request, "listings/detail.html", _detail_context(request, product, stock_form=form), 400
    )


@require_POST
def listing_photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            product_image_add(
                actor=request.user,
                product=product,
                upload=form.cleaned_data["image"],
                alt_en=form.cleaned_data["alt_en"],
                alt_hi=form.cleaned_data["alt_hi"],
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            messages.success(request, _("Photo added."))
            return redirect(_detail_url(product))
    return _render(
        request, "listings/detail.html", _detail_context(request, product, photo_form=form), 400
    )


@require_POST
def listing_photo_remove(request: HttpRequest, pk: int, image_id: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    image = get_object_or_404(ProductImage, pk=image_id, product=product)
    try:
        product_image_remove(actor=request.user, image_id=image.pk)
    except ListingError as error:
        for issue in error.issues:
            messages.error(request, issue.message)
    else:
        messages.success(request, _("Photo removed."))
    return redirect(_detail_url(product))


def listing_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist, and the button that sends the listing to the moderators."""
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    checklist = listing_checklist(product)
    form = ReasonForm(_posted(request))
    allowed = ProductStatus.SUBMITTED in PRODUCT_TRANSITIONS[product.status]
    if request.method == "POST" and allowed and form.is_valid():
        try:
            product_transition(
                product_id=product.pk,
                to=ProductStatus.SUBMITTED,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            messages.success(request, _("Sent for review. A moderator will look at it soon."))
            return redirect(_detail_url(product))
    elif request.method == "POST" and not allowed:
        form.add_error(None, _("This listing can't be sent for review now."))
    return _render(
        request,
        "listings/submit.html",
        {
            "product": product,
            "checklist": checklist,
            "blocking": checklist_failures(checklist, blocking_only=True),
            "allowed": allowed,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def listing_archive(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    product = _product_or_404(request, pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        product_transition(
            product_id=product.pk, to=ProductStatus.ARCHIVED, actor=request.user, reason=reason
        )
    except ListingError as error:
        for issue in error.issues:
            messages.error(request, issue.message)
    else:
        messages.success(request, _("Taken off sale and archived."))
    return redirect(_detail_url(product))


# --- bulk import ----------------------------------------------------------------------------


def _import_scope(request: HttpRequest) -> tuple[Vendor | None, QuerySet[Artisan]]:
    """A vendor import (the member's current vendor) or a desk import (assigned artisans)."""
    source = request.POST if request.method == "POST" else request.GET
    if source.get("for") != "desk" and vendors_for_user(request.user).exists():
        vendor_id = source.get("vendor")
        vendor = require_vendor(request, int(vendor_id) if str(vendor_id).isdigit() else None)
        return vendor, Artisan.objects.filter(vendor=vendor).order_by("name_en", "pk")
    artisans = desk_artisans(request.user)
    if not (is_catalogue_desk(request.user) or is_operator_admin(request.user)):
        raise Http404
    return None, artisans


def _batch_or_404(request: HttpRequest, batch_id: int) -> tuple[ImportBatch, QuerySet[Artisan]]:
    batch = get_object_or_404(ImportBatch.objects.select_related("vendor"), pk=batch_id)
    if batch.vendor_id is not None:
        if not is_vendor_member(request.user, batch.vendor_id):
            raise Http404
        return batch, Artisan.objects.filter(vendor_id=batch.vendor_id)
    if batch.created_by_id != request.user.pk:
        raise Http404
    return batch, desk_artisans(request.user)


def listing_import(request: HttpRequest) -> HttpResponse:
    if response := _signed_in(request):
        return response
    vendor, artisans = _import_scope(request)
    form = ImportUploadForm(_posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_batch_preview(
                actor=request.user,
                vendor=vendor,
                artisans=artisans,
                upload=form.cleaned_data["file"],
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            return redirect("sellercentre:listing_import_batch", batch_id=batch.pk)
    batches = ImportBatch.objects.defer("content")
    batches = (
        batches.filter(vendor=vendor)
        if vendor
        else batches.filter(vendor=None, created_by=request.user)
    )
    return _render(
        request,
        "listings/import.html",
        {
            "form": form,
            "vendor": vendor,
            "desk": vendor is None,
            "batches": batches[:10],
            "max_mb": max_file_mb(),
            "max_rows": max_rows(),
        },
        status=400 if request.method == "POST" else 200,
    )


def listing_import_template(request: HttpRequest, file_format: str) -> HttpResponse:
    if response := _signed_in(request):
        return response
    _vendor, artisans = _import_scope(request)
    content_types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(
        import_template(file_format, artisans=artisans), content_type=content_types[file_format]
    )
    response["Content-Disposition"] = f'attachment; filename="odopmart-listings.{file_format}"'
    return response


def listing_import_batch(request: HttpRequest, batch_id: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    batch, artisans = _batch_or_404(request, batch_id)
    form = ImportConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_batch_commit(
                actor=request.user,
                batch_id=batch.pk,
                artisans=artisans,
                submit=form.cleaned_data["submit_for_review"],
            )
        except ListingError as error:
            for issue in error.issues:
                messages.error(request, issue.message)
        else:
            if batch.status == ImportBatchStatus.IMPORTED:
                messages.success(
                    request,
                    _("Imported %(products)s listings with %(variants)s variants.")
                    % {"products": batch.product_count, "variants": batch.variant_count},
                )
            else:
                messages.error(request, _("Nothing was imported: the file no longer passes."))
        return redirect("sellercentre:listing_import_batch", batch_id=batch.pk)
    imported = []
    if batch.product_ids:
        imported = list(
            Product.objects.filter(pk__in=batch.product_ids)
            .order_by("pk")
            .only("pk", "name_en", "name_hi", "status")
        )
    return _render(
        request,
        "listings/import_batch.html",
        {
            "batch": batch,
            "issues": import_batch_issues(batch),
            "form": form,
            "imported": imported,
            "for_desk": batch.vendor_id is None,
        },
    )


# --- the catalogue desk ---------------------------------------------------------------------


def listing_desk(request: HttpRequest) -> HttpResponse:
    if response := _signed_in(request):
        return response
    if not (is_catalogue_desk(request.user) or is_operator_admin(request.user)):
        raise Http404
    query = (request.GET.get("q") or "").strip()[:100]
    artisans = desk_artisans(request.user).annotate(
        drafts=Count("products", filter=Q(products__status=ProductStatus.DRAFT)),
        waiting=Count("products", filter=Q(products__status=ProductStatus.SUBMITTED)),
        changes=Count("products", filter=Q(products__status=ProductStatus.CHANGES_REQUESTED)),
        on_sale=Count("products", filter=Q(products__status=ProductStatus.APPROVED)),
    )
    if query:
        artisans = artisans.filter(
            Q(name_en__icontains=query) | Q(name_hi__icontains=query) | Q(slug__iexact=query)
        )
    page = Paginator(artisans, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "listings/desk.html", {"page": page, "query": query})


# --- moderation -----------------------------------------------------------------------------


class ReviewForm(ModerationForm):
    """The moderator's decision; with a failing warning, a box to approve anyway."""

    accept_warnings = forms.BooleanField(
        label=gettext_lazy("I have looked at the warning: approve anyway"),
        help_text=gettext_lazy("The listing's history will say that you accepted the warning."),
        required=False,
    )

    def __init__(self, *args: Any, warnings: list[CheckItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not warnings:
            del self.fields["accept_warnings"]


def moderation(request: HttpRequest) -> HttpResponse:
    if response := _signed_in(request):
        return response
    _moderator_or_404(request)
    page = Paginator(moderation_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
    checklists = listing_checklists(page.object_list)
    return _render(
        request,
        "moderation/queue.html",
        {
            "page": page,
            "rows": [
                (
                    product,
                    checklist_failures(checklists[product.pk], blocking_only=False),
                    checklist_warnings(checklists[product.pk]),
                )
                for product in page.object_list
            ],
            "section": "moderation",
        },
    )


def moderation_review(request: HttpRequest, pk: int) -> HttpResponse:
    if response := _signed_in(request):
        return response
    _moderator_or_404(request)
    product = get_object_or_404(
        Product.objects.select_related(
            "vendor", "artisan__district", "odop_product__district", "category"
        ),
        pk=pk,
    )
    checklist = listing_checklist(product)
    warnings = checklist_warnings(checklist)
    form = ReviewForm(_posted(request), warnings=warnings)
    if request.method == "POST" and form.is_valid():
        try:
            product_transition(
                product_id=product.pk,
                to=form.cleaned_data["decision"],
                actor=request.user,
                reason=form.cleaned_data["reason"],
                accept_warnings=bool(form.cleaned_data.get("accept_warnings")),
            )
        except ListingError as error:
            forms_add_issues(form, error)
        else:
            messages.success(request, _decision_message(form, product))
            following = moderation_queue().exclude(pk=product.pk).first()
            if following is not None:
                return redirect("sellercentre:moderation_review", pk=following.pk)
            return redirect("sellercentre:moderation")
    return _render(
        request,
        "moderation/review.html",
        {
            "product": product,
            "variants": list(product.variants.all()),
            "images": list(product.images.all()),
            "checklist": checklist,
            "failing": checklist_failures(checklist, blocking_only=False),
            "warnings": warnings,
            "history": product_status_history(product)[:20],
            "form": form,
            "waiting": product.status == ProductStatus.SUBMITTED,
            "section": "moderation",
        },
        status=400 if request.method == "POST" else 200,
    )


def _decision_message(form: ModerationForm, product: Product) -> str:
    if form.cleaned_data["decision"] == ProductStatus.APPROVED:
        return _("Approved: %(name)s.") % {"name": product.name}
    return _("Changes asked for: %(name)s.") % {"name": product.name}
