"""The pipeline, run: one place that takes an edition through the stages and returns what
happened as data (the CLI, watch, batch and preview only present it).

    loaded = load("editions/shijingshan/2020-02-24")          # edition + fonts + diagnostics
    made = make_up(loaded)                                     # + the layout
    result = build("editions/shijingshan/2020-02-24", "output", BuildOptions(proof=True))
    result.written, result.preflight, result.diagnostics, result.copyfit

  run      load, make_up, build, preview and their results
  outputs  where a build writes (output/<paper>/<date>/…) and the files beside the plates
           (copyfit JSON, proof PDF, preview PNG)

The later stages (render, press, preflight) are imported when a function needs them, so
loading and making up (`newsprint check`) never imports a PDF library."""
from layout.pipeline.run import (BuildOptions, BuildResult, Loaded, MadeUp, PreviewResult, build,
                                 load, make_up, preview, write)

__all__ = ["BuildOptions", "BuildResult", "Loaded", "MadeUp", "PreviewResult",
           "build", "load", "make_up", "preview", "write"]
