"""The HTTP face: a thin FastAPI layer over ``redactor.service`` (parse, authorize, call,
format). Build it with :func:`redactor.api.app.create_app`."""
