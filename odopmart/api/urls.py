from ninja import NinjaAPI

api = NinjaAPI(title="odopmart API", version="1")
