"""Seller-centre pages. Views check who may act (sellers.access), call sellers' services and render.

Anything that belongs to another seller answers 404, so ids cannot be probed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.catalog.models import ProductStatus
from odopmart.catalog.seller_selectors import (
    low_stock_threshold,
    moderation_pending_counts,
    vendor_dashboard_numbers,
)
from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.sellercentre.order_views import awaiting_action_counts
from odopmart.sellers import forms, selectors, services
from odopmart.sellers.access import (
    artisan_for_user,
    artisans_for_user,
    can_manage_artisan,
    can_see_artisan,
    is_operator_admin,
    is_vendor_member,
    require_vendor,
    vendor_memberships,
)
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ExceptionStatus,
    KycDocument,
    OnboardingStep,
    Vendor,
    VendorStatus,
)

ARTISANS_PER_PAGE = 50
STEP_FORMS: dict[str, type[Form]] = {
    OnboardingStep.BUSINESS: forms.VendorBusinessForm,
    OnboardingStep.ADDRESS: forms.VendorAddressForm,
    OnboardingStep.BANK: forms.VendorBankForm,
    OnboardingStep.CONTACT: forms.VendorContactForm,
}


def _add_service_error(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the form field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _is_moderator(request: HttpRequest) -> bool:
    return has_staff_role(request.user, StaffRole.MODERATOR)


def _require_moderator(request: HttpRequest) -> None:
    if not _is_moderator(request):
        raise Http404


# --- dashboard -------------------------------------------------------------------------------


# The listing statuses on the dashboard, in the order a listing moves through them.
DASHBOARD_LISTING_STATUSES = (
    ProductStatus.DRAFT,
    ProductStatus.SUBMITTED,
    ProductStatus.CHANGES_REQUESTED,
    ProductStatus.APPROVED,
    ProductStatus.ARCHIVED,
)


def _vendor_panels(memberships: list[Any]) -> list[dict[str, Any]]:
    """Each of the user's vendors with its numbers (a fixed number of queries for all)."""
    vendor_ids = [m.vendor_id for m in memberships]
    numbers = vendor_dashboard_numbers(vendor_ids=vendor_ids)
    orders = awaiting_action_counts(vendor_ids)
    return [
        {
            "vendor": membership.vendor,
            "numbers": numbers[membership.vendor_id],
            "orders": orders[membership.vendor_id],
            "listing_counts": [
                (
                    status,
                    ProductStatus(status).label,
                    numbers[membership.vendor_id].listings.get(status, 0),
                )
                for status in DASHBOARD_LISTING_STATUSES
            ],
        }
        for membership in memberships
    ]


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    memberships = list(vendor_memberships(request.user))
    artisan = artisan_for_user(request.user)
    is_moderator = _is_moderator(request)
    is_desk = has_staff_role(request.user, StaffRole.CATALOGUE_DESK)
    if artisan is not None and not memberships and not (is_moderator or is_desk):
        # An artisan's own sign-in lands on their simple page, in their language.
        with translation.override(artisan.preferred_language):
            return redirect(reverse("sellercentre:artisan_home"))
    return render(
        request,
        "sellercentre/dashboard.html",
        {
            "section": "dashboard",
            "memberships": memberships,
            "vendor_panels": _vendor_panels(memberships),
            "low_stock_threshold": low_stock_threshold(),
            "artisan": artisan,
            "is_moderator": is_moderator,
            "is_desk": is_desk,
            "pending": moderation_pending_counts() if is_moderator else None,
            "steps": OnboardingStep,
        },
    )


# --- onboarding ------------------------------------------------------------------------------


def _steps(vendor: Vendor | None, current: str) -> list[dict[str, Any]]:
    """The step menu: steps up to the saved one are links."""
    saved = services.ONBOARDING_STEPS.index(vendor.onboarding_step) if vendor else 0
    return [
        {
            "key": step,
            "label": OnboardingStep(step).label,
            "number": index + 1,
            "current": step == current,
            "url": (
                reverse("sellercentre:onboarding_step", args=[vendor.pk, step])
                if vendor is not None and index <= saved
                else ""
            ),
        }
        for index, step in enumerate(services.ONBOARDING_STEPS)
    ]


def _step_initial(vendor: Vendor, step: str) -> dict[str, Any]:
    initial = {name: getattr(vendor, name) for name in services.ONBOARDING_FIELDS.get(step, ())}
    if step == OnboardingStep.ADDRESS:
        initial["pickup_same"] = not vendor.pickup_address
    if step == OnboardingStep.BANK:
        initial["bank_account_number_again"] = vendor.bank_account_number
    return initial


def _step_form(step: str, vendor: Vendor | None, data: Any = None) -> Form:
    form_class = STEP_FORMS[step]
    kwargs: dict[str, Any] = {}
    if form_class in (forms.VendorBusinessForm, forms.VendorAddressForm):
        kwargs["vendor"] = vendor
    if vendor is not None and data is None:
        kwargs["initial"] = _step_initial(vendor, step)
    return form_class(data, **kwargs)


def _step_fields(form: Form) -> dict[str, Any]:
    if hasattr(form, "vendor_fields"):
        return form.vendor_fields()
    return dict(form.cleaned_data)


def _render_step(
    request: HttpRequest, vendor: Vendor | None, step: str, **context: Any
) -> HttpResponse:
    own_page = step in (OnboardingStep.DOCUMENTS, OnboardingStep.REVIEW)
    return render(
        request,
        f"sellercentre/onboarding_{step if own_page else 'form'}.html",
        {
            "section": "profile",
            "vendor": vendor,
            "step": step,
            "step_label": OnboardingStep(step).label,
            "steps": _steps(vendor, step),
            **context,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def onboarding_start(request: HttpRequest) -> HttpResponse:
    """Become a seller: the first step, which creates the draft application."""
    step = OnboardingStep.BUSINESS
    if request.method == "POST":
        form = _step_form(step, None, request.POST)
        if form.is_valid():
            try:
                vendor = services.vendor_create(actor=request.user, fields=form.cleaned_data)
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Saved. You can leave and continue later."))
                return redirect("sellercentre:onboarding_step", vendor.pk, vendor.onboarding_step)
    else:
        form = _step_form(step, None)
    return _render_step(request, None, step, form=form)


@login_required
@require_safe
def onboarding_resume(request: HttpRequest, vendor_id: int) -> HttpResponse:
    vendor = require_vendor(request, vendor_id)
    if vendor.status in (VendorStatus.APPROVED, VendorStatus.SUSPENDED):
        return redirect("sellercentre:profile", vendor.pk)
    step = (
        OnboardingStep.REVIEW if vendor.status == VendorStatus.SUBMITTED else vendor.onboarding_step
    )
    return redirect("sellercentre:onboarding_step", vendor.pk, step)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def onboarding_step(request: HttpRequest, vendor_id: int, step: str) -> HttpResponse:
    vendor = require_vendor(request, vendor_id)
    if step not in services.ONBOARDING_STEPS:
        raise Http404
    if vendor.status in (VendorStatus.APPROVED, VendorStatus.SUSPENDED):
        return redirect("sellercentre:profile", vendor.pk)
    if vendor.status == VendorStatus.SUBMITTED and step != OnboardingStep.REVIEW:
        return redirect("sellercentre:onboarding_step", vendor.pk, OnboardingStep.REVIEW)
    saved = services.ONBOARDING_STEPS.index(vendor.onboarding_step)
    if services.ONBOARDING_STEPS.index(step) > saved:
        return redirect("sellercentre:onboarding_step", vendor.pk, vendor.onboarding_step)
    if step == OnboardingStep.DOCUMENTS:
        return _onboarding_documents(request, vendor)
    if step == OnboardingStep.REVIEW:
        return _onboarding_review(request, vendor)
    if request.method == "POST":
        form = _step_form(step, vendor, request.POST)
        if form.is_valid():
            try:
                vendor = services.vendor_update(
                    vendor_id=vendor.pk, actor=request.user, fields=_step_fields(form), step=step
                )
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Saved. You can leave and continue later."))
                next_step = services.ONBOARDING_STEPS[services.ONBOARDING_STEPS.index(step) + 1]
                return redirect("sellercentre:onboarding_step", vendor.pk, next_step)
    else:
        form = _step_form(step, vendor)
    return _render_step(request, vendor, step, form=form)


def _documents_context(vendor: Vendor) -> dict[str, Any]:
    documents = list(vendor.documents.select_related("uploaded_by"))
    present = {document.kind for document in documents}
    return {
        "documents": documents,
        "missing_kinds": [
            label
            for value, label in forms.DocumentKind.choices
            if value in services.REQUIRED_DOCUMENT_KINDS and value not in present
        ],
        "can_upload": vendor.status in services.DOCUMENT_UPLOAD_STATUSES,
        "can_delete": vendor.status in services.DOCUMENT_DELETE_STATUSES,
    }


def _upload_document(request: HttpRequest, vendor: Vendor) -> tuple[forms.KycDocumentForm, bool]:
    form = forms.KycDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, False
    try:
        services.kyc_document_add(
            vendor_id=vendor.pk,
            actor=request.user,
            kind=form.cleaned_data["kind"],
            file=form.cleaned_data["file"],
        )
    except ValidationError as error:
        _add_service_error(form, error)
        return form, False
    messages.success(request, _("Document uploaded."))
    return form, True


def _onboarding_documents(request: HttpRequest, vendor: Vendor) -> HttpResponse:
    step = OnboardingStep.DOCUMENTS
    form = forms.KycDocumentForm()
    if request.method == "POST":
        if request.POST.get("action") == "continue":
            services.vendor_set_onboarding_step(vendor_id=vendor.pk, actor=request.user, step=step)
            return redirect("sellercentre:onboarding_step", vendor.pk, OnboardingStep.REVIEW)
        form, uploaded = _upload_document(request, vendor)
        if uploaded:
            return redirect("sellercentre:onboarding_step", vendor.pk, step)
    return _render_step(request, vendor, step, form=form, **_documents_context(vendor))


def _onboarding_review(request: HttpRequest, vendor: Vendor) -> HttpResponse:
    step = OnboardingStep.REVIEW
    submit_errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "withdraw":
                services.vendor_withdraw(vendor_id=vendor.pk, actor=request.user)
                messages.success(request, _("Application taken back. Change it and submit again."))
                return redirect("sellercentre:onboarding_step", vendor.pk, OnboardingStep.BUSINESS)
            services.vendor_submit(vendor_id=vendor.pk, actor=request.user)
        except ValidationError as error:
            submit_errors = list(error.messages)
        except services.VendorStatusError as error:
            submit_errors = [str(error)]
        else:
            messages.success(
                request, _("Application submitted. We will check it and let you know.")
            )
            return redirect("sellercentre:dashboard")
    vendor.refresh_from_db()
    problems = [
        {"step": step_key, "label": OnboardingStep(step_key).label, "messages": found}
        for step_key, found in selectors.vendor_onboarding_problems(vendor).items()
    ]
    return _render_step(
        request,
        vendor,
        step,
        problems=problems,
        submit_errors=submit_errors,
        can_change=vendor.status in (VendorStatus.DRAFT, VendorStatus.REJECTED),
        **_documents_context(vendor),
    )


# --- profile and documents -------------------------------------------------------------------


@login_required
@require_safe
def profile_current(request: HttpRequest) -> HttpResponse:
    if not vendor_memberships(request.user).exists():
        return redirect("sellercentre:dashboard")
    return redirect("sellercentre:profile", require_vendor(request, None).pk)


def _profile_initial(vendor: Vendor) -> dict[str, Any]:
    return {name: getattr(vendor, name) for name in forms.VendorProfileForm.base_fields}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: HttpRequest, vendor_id: int) -> HttpResponse:
    vendor = require_vendor(request, vendor_id)
    can_edit = vendor.status == VendorStatus.APPROVED
    edit_form = forms.VendorProfileForm(initial=_profile_initial(vendor)) if can_edit else None
    upload_form = forms.KycDocumentForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "upload":
            upload_form, uploaded = _upload_document(request, vendor)
            if uploaded:
                return redirect("sellercentre:profile", vendor.pk)
        elif action == "edit" and can_edit:
            edit_form = forms.VendorProfileForm(request.POST)
            if edit_form.is_valid():
                try:
                    services.vendor_update(
                        vendor_id=vendor.pk, actor=request.user, fields=edit_form.vendor_fields()
                    )
                except ValidationError as error:
                    _add_service_error(edit_form, error)
                else:
                    messages.success(request, _("Your changes are saved."))
                    return redirect("sellercentre:profile", vendor.pk)
        else:
            raise PermissionDenied
    return render(
        request,
        "sellercentre/profile.html",
        {
            "section": "profile",
            "vendor": vendor,
            "edit_form": edit_form,
            "upload_form": upload_form,
            "events": vendor.status_events.select_related("actor"),
            "memberships": vendor.memberships.select_related("user"),
            **_documents_context(vendor),
        },
    )


@login_required
@require_POST
def document_delete(request: HttpRequest, vendor_id: int, document_id: int) -> HttpResponse:
    vendor = require_vendor(request, vendor_id)
    document = get_object_or_404(KycDocument, pk=document_id, vendor=vendor)
    try:
        services.kyc_document_delete(document_id=document.pk, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Document removed."))
    if request.POST.get("from") == "onboarding" and vendor.status in (
        VendorStatus.DRAFT,
        VendorStatus.REJECTED,
    ):
        return redirect("sellercentre:onboarding_step", vendor.pk, OnboardingStep.DOCUMENTS)
    return redirect("sellercentre:profile", vendor.pk)


@login_required
@require_safe
def document_download(request: HttpRequest, document_id: int) -> FileResponse:
    """A KYC document, for the vendor's members and for moderators only."""
    document = get_object_or_404(KycDocument, pk=document_id)
    if not (is_vendor_member(request.user, document.vendor_id) or _is_moderator(request)):
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    extension = document.file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{document.kind}-{document.vendor_id}-{document.pk}.{extension}",
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- artisans --------------------------------------------------------------------------------


@login_required
@require_safe
def artisan_list(request: HttpRequest) -> HttpResponse:
    artisans = artisans_for_user(request.user)
    vendor_id = request.GET.get("vendor", "")
    if vendor_id.isdigit():
        artisans = artisans.filter(vendor_id=int(vendor_id))
    page = Paginator(artisans, ARTISANS_PER_PAGE).get_page(request.GET.get("page"))
    vendors = [
        membership.vendor
        for membership in vendor_memberships(request.user)
        if membership.vendor.status in services.ARTISAN_VENDOR_STATUSES
    ]
    return render(
        request,
        "sellercentre/artisans.html",
        {"section": "artisans", "page": page, "add_vendors": vendors},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def artisan_add(request: HttpRequest, vendor_id: int) -> HttpResponse:
    vendor = require_vendor(request, vendor_id)
    if request.method == "POST":
        form = forms.ArtisanForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                artisan = services.artisan_create(
                    vendor_id=vendor.pk,
                    actor=request.user,
                    fields=form.artisan_fields(),
                    odop_products=form.cleaned_data["odop_products"],
                )
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Artisan added."))
                return redirect("sellercentre:artisan", artisan.pk)
    else:
        form = forms.ArtisanForm()
    return render(
        request,
        "sellercentre/artisan_form.html",
        {"section": "artisans", "vendor": vendor, "form": form, "artisan": None},
    )


def _visible_artisan(request: HttpRequest, artisan_id: int) -> Artisan:
    artisan = get_object_or_404(
        Artisan.objects.select_related("vendor", "district", "user"), pk=artisan_id
    )
    if not can_see_artisan(request.user, artisan):
        raise Http404
    return artisan


def _managed_artisan(request: HttpRequest, artisan_id: int) -> Artisan:
    artisan = _visible_artisan(request, artisan_id)
    if not can_manage_artisan(request.user, artisan):
        raise PermissionDenied
    return artisan


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def artisan_detail(request: HttpRequest, artisan_id: int) -> HttpResponse:
    """Edit an artisan (their vendor, the desk, operators) or look at oneself (the artisan)."""
    artisan = _visible_artisan(request, artisan_id)
    can_manage = can_manage_artisan(request.user, artisan)
    context: dict[str, Any] = {
        "section": "artisans",
        "artisan": artisan,
        "vendor": artisan.vendor,
        "odop_products": artisan.odop_products.select_related("district"),
        "history": artisan.vendor_history.select_related("from_vendor", "to_vendor", "actor"),
        "exceptions": artisan.district_exceptions.select_related("odop_product__district"),
        "can_move": is_operator_admin(request.user),
        "can_manage": can_manage,
    }
    if not can_manage:
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "sellercentre/artisan_view.html", context)
    if request.method == "POST":
        form = forms.ArtisanForm(request.POST, request.FILES, artisan=artisan)
        if form.is_valid():
            try:
                services.artisan_update(
                    artisan_id=artisan.pk,
                    actor=request.user,
                    fields=form.artisan_fields(),
                    odop_products=form.cleaned_data["odop_products"],
                )
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("sellercentre:artisan", artisan.pk)
    else:
        form = forms.ArtisanForm(artisan=artisan)
    return render(request, "sellercentre/artisan_form.html", {**context, "form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def artisan_exception_request(request: HttpRequest, artisan_id: int) -> HttpResponse:
    artisan = _managed_artisan(request, artisan_id)
    if request.method == "POST":
        form = forms.DistrictExceptionRequestForm(request.POST, artisan=artisan)
        if form.is_valid():
            try:
                services.district_exception_request(
                    artisan_id=artisan.pk,
                    odop_product_id=form.cleaned_data["odop_product"].pk,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Request sent to the moderators."))
                return redirect("sellercentre:artisan", artisan.pk)
    else:
        form = forms.DistrictExceptionRequestForm(artisan=artisan)
    return render(
        request,
        "sellercentre/artisan_exception.html",
        {"section": "artisans", "artisan": artisan, "form": form},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def artisan_move(request: HttpRequest, artisan_id: int) -> HttpResponse:
    """Move an artisan to another vendor: operator admins only."""
    artisan = _visible_artisan(request, artisan_id)
    if not is_operator_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = forms.ArtisanMoveForm(request.POST, artisan=artisan)
        if form.is_valid():
            try:
                services.artisan_move(
                    artisan_id=artisan.pk,
                    to_vendor_id=form.cleaned_data["to_vendor"].pk,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                _add_service_error(form, error)
            else:
                messages.success(request, _("Artisan moved."))
                return redirect("sellercentre:artisan", artisan.pk)
    else:
        form = forms.ArtisanMoveForm(artisan=artisan)
    return render(
        request,
        "sellercentre/artisan_move.html",
        {"section": "artisans", "artisan": artisan, "form": form},
    )


# --- moderation ------------------------------------------------------------------------------

MODERATION_STATUSES = (
    VendorStatus.SUBMITTED,
    VendorStatus.APPROVED,
    VendorStatus.REJECTED,
    VendorStatus.SUSPENDED,
    VendorStatus.DRAFT,
)
# What a moderator can do from each status: (action, target status, button label).
MODERATOR_ACTIONS: dict[str, tuple[str, ...]] = {
    VendorStatus.SUBMITTED: ("approve", "reject"),
    VendorStatus.APPROVED: ("suspend",),
    VendorStatus.SUSPENDED: ("reinstate",),
}
ACTION_TARGETS = {
    "approve": VendorStatus.APPROVED,
    "reinstate": VendorStatus.APPROVED,
    "reject": VendorStatus.REJECTED,
    "suspend": VendorStatus.SUSPENDED,
}


@login_required
@require_safe
def moderation(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    status = request.GET.get("status", VendorStatus.SUBMITTED)
    if status not in MODERATION_STATUSES:
        status = VendorStatus.SUBMITTED
    vendors = selectors.vendor_list_for_moderation(status=status)
    page = Paginator(vendors, ARTISANS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "sellercentre/moderation.html",
        {
            "section": "moderation",
            "page": page,
            "status": status,
            "tabs": [(value, VendorStatus(value).label) for value in MODERATION_STATUSES],
            "open_exceptions": selectors.district_exception_list_open().count(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def moderation_vendor(request: HttpRequest, vendor_id: int) -> HttpResponse:
    _require_moderator(request)
    vendor = get_object_or_404(Vendor.objects.select_related("state", "district"), pk=vendor_id)
    form = forms.ReasonForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in MODERATOR_ACTIONS.get(vendor.status, ()):
            messages.error(request, _("That can't be done to this seller now."))
            return redirect("sellercentre:seller_moderation_vendor", vendor.pk)
        form = forms.ReasonForm(request.POST)
        if form.is_valid():
            try:
                services.vendor_set_status(
                    vendor_id=vendor.pk,
                    status=ACTION_TARGETS[action],
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                _add_service_error(form, error)
            except services.VendorStatusError as error:
                messages.error(request, str(error))
                return redirect("sellercentre:seller_moderation_vendor", vendor.pk)
            else:
                if ACTION_TARGETS[action] in (VendorStatus.APPROVED, VendorStatus.SUSPENDED):
                    catalogue_refresh_counts()  # what buyers see depends on vendor status
                vendor.refresh_from_db()
                messages.success(
                    request,
                    _("%(vendor)s is now %(status)s.")
                    % {"vendor": vendor.name, "status": vendor.get_status_display()},
                )
                return redirect("sellercentre:seller_moderation_vendor", vendor.pk)
    return render(
        request,
        "sellercentre/moderation_vendor.html",
        {
            "section": "moderation",
            "vendor": vendor,
            "form": form,
            "actions": MODERATOR_ACTIONS.get(vendor.status, ()),
            "events": vendor.status_events.select_related("actor"),
            "problems": selectors.vendor_onboarding_problems(vendor),
            "artisan_count": vendor.artisans.count(),
            **_documents_context(vendor),
        },
    )


@login_required
@require_safe
def moderation_exceptions(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    return render(
        request,
        "sellercentre/moderation_exceptions.html",
        {
            "section": "moderation",
            "exceptions": selectors.district_exception_list_open(),
            "form": forms.ReasonForm(),
        },
    )


@login_required
@require_POST
def moderation_exception_decide(request: HttpRequest, exception_id: int) -> HttpResponse:
    _require_moderator(request)
    exception = get_object_or_404(ArtisanDistrictException, pk=exception_id)
    decision = {"approve": ExceptionStatus.APPROVED, "reject": ExceptionStatus.REJECTED}.get(
        request.POST.get("action", "")
    )
    form = forms.ReasonForm(request.POST)
    if decision is None or not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("sellercentre:seller_moderation_exceptions")
    try:
        services.district_exception_decide(
            exception_id=exception.pk,
            status=decision,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except services.ExceptionStatusError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Exception approved.")
            if decision == ExceptionStatus.APPROVED
            else _("Exception rejected."),
        )
    return redirect("sellercentre:seller_moderation_exceptions")
