"""What a web process does once it has loaded Django, before it answers anyone."""

import gc


def freeze_startup_objects() -> int:
    """Leave what starting up made out of the garbage collector's full passes; how many objects.

    Modules, models, settings and URL patterns live as long as the process: tens of thousands of
    objects that every full pass of the cyclic collector walks again, inside whichever reader's
    request triggers it. Frozen (``gc.freeze()``), they are skipped.
    With gunicorn's ``preload_app`` this runs in the master, so the workers inherit the frozen
    objects and the memory pages holding them stay shared between workers.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
