"""Benchmark of the video ladder: our single-decode pipeline against one process per rendition.

Run from the project root: `python bench/transcode.py`. It makes a 1080p30 clip with audio,
then measures in one run:
  ours      one ffmpeg process: decode once, encode every rung once, MP4 + HLS per rung;
  naive     one ffmpeg process per rendition, one after another, same settings and outputs;
  single    each rendition alone (the same per-rendition command, timed on its own);
  decode    decoding the source with no encoding.
Lower bound of any single-decode ladder = sum(single) - (rungs - 1) * decode.
The last line printed is one JSON object with the headline figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from assets.ffmpeg import MediaInput, MediaProbe, input_args, probe, run_ffmpeg  # noqa: E402
from transcoding.ladder import PlannedRung, encoder_from_settings, plan_ladder  # noqa: E402
from transcoding.video import ladder_command, transcode_video  # noqa: E402

QUALITY_RUNG = "720p"


def main() -> None:
    options = _arguments()
    work = Path(tempfile.mkdtemp(prefix="bench-transcode-"))
    try:
        _run(work, options.seconds)
    finally:
        if options.keep:
            print(f"outputs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the test clip")
    parser.add_argument("--keep", action="store_true", help="keep the outputs for inspection")
    return parser.parse_args()


def _run(work: Path, seconds: float) -> None:
    source = MediaInput(_make_clip(work / "source.mp4", seconds), "mov")
    facts = probe(source)
    plan = plan_ladder(facts)
    encoder = encoder_from_settings()
    print(f"clip: {facts.width}x{facts.height} {facts.fps:g} fps, {facts.duration:.2f} s, "
          f"rungs: {', '.join(rung.name for rung in plan)}; {encoder.video_codec} "
          f"{encoder.preset}; {os.cpu_count()} cores; load {_load()}")  # fmt: skip

    decode_s = _timed(lambda: run_ffmpeg([*input_args(source), "-map", "0", "-f", "null", "-"]))
    ours_s = _timed(lambda: transcode_video(source, work / "ours", source_probe=facts, plan=plan))
    naive_s = _timed(lambda: _each_alone(source, facts, plan, work / "naive"))
    single_s = {
        rung.name: _timed(lambda rung=rung: _each_alone(source, facts, [rung], work / "single"))
        for rung in plan
    }
    lower_bound_s = sum(single_s.values()) - (len(plan) - 1) * decode_s

    ours_ssim = _ssim(work / "ours" / f"{QUALITY_RUNG}.mp4", source)
    naive_ssim = _ssim(work / "naive" / QUALITY_RUNG / f"{QUALITY_RUNG}.mp4", source)

    figures = {
        "naive_s": round(naive_s, 2),
        "ours_s": round(ours_s, 2),
        "lower_bound_s": round(lower_bound_s, 2),
        "ratio": round(naive_s / ours_s, 3),
        "realtime_factor": round(facts.duration / ours_s, 3),
        "quality_metric": "ssim",
        "quality_720p": round(ours_ssim, 5),
    }
    print(f"decode only          {decode_s:8.2f} s")
    for name, elapsed in single_s.items():
        print(f"single {name:<13} {elapsed:8.2f} s")
    print(f"sum of singles       {sum(single_s.values()):8.2f} s")
    print(f"lower bound          {lower_bound_s:8.2f} s  (sum - {len(plan) - 1} x decode)")
    print(f"naive (per rung)     {naive_s:8.2f} s")
    print(f"ours (single decode) {ours_s:8.2f} s")
    print(f"realtime factor      {figures['realtime_factor']:8.3f} x  (clip / ours)")
    print(f"naive / ours         {figures['ratio']:8.3f}    (target >= 1.3)")
    print(f"ours / lower bound   {ours_s / lower_bound_s:8.3f}    (target <= 1.1)")
    print(f"SSIM {QUALITY_RUNG} ours {ours_ssim:.5f}, naive {naive_ssim:.5f}; load {_load()}")
    print(json.dumps(figures))


def _make_clip(path: Path, seconds: float) -> Path:
    """1080p30 test pattern with moving parts, and noise plus a tone as audio."""
    run_ffmpeg(
        ["-y", "-f", "lavfi", "-i", f"testsrc2=s=1920x1080:r=30:d={seconds}",
         "-f", "lavfi", "-i", f"anoisesrc=c=pink:a=0.05:r=48000:d={seconds}",
         "-f", "lavfi", "-i", f"sine=f=330:r=48000:d={seconds}",
         "-filter_complex", "[1:a][2:a]amix=inputs=2,pan=stereo|c0=c0|c1=c0[a]",
         "-map", "0:v", "-map", "[a]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", str(path)],
    )  # fmt: skip
    return path


def _each_alone(
    source: MediaInput, facts: MediaProbe, plan: list[PlannedRung], out_root: Path
) -> None:
    """The naive way: one ffmpeg process per rendition, each making its MP4 and HLS."""
    encoder = encoder_from_settings()
    for rung in plan:
        out_dir = out_root / rung.name
        out_dir.mkdir(parents=True, exist_ok=True)
        run_ffmpeg(ladder_command(source, [rung], facts, encoder, out_dir), cwd=str(out_dir))


def _ssim(rendition_path: Path, source: MediaInput) -> float:
    rendition = MediaInput(rendition_path, "mov")
    facts = probe(rendition)
    log = run_ffmpeg(
        [*input_args(rendition), *input_args(source), "-lavfi",
         f"[1:v]scale={facts.width}:{facts.height}:flags=bicubic[ref];[0:v][ref]ssim",
         "-f", "null", "-"],
        loglevel="info",
    )  # fmt: skip
    return float(re.findall(r"All:([\d.]+)", log)[-1])


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
