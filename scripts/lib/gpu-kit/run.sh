#!/usr/bin/env bash
# The GPU kit's one command (written by `npm run gpu-kit`):
#   bash <kit>/run.sh OUT_DIR [--budget SECONDS] [--profile gpu|cpu|auto]
# Unpacks the kit's Node, natives and project into a temporary folder, reports the GPU and the Vulkan set-up,
# runs the precompute (the kit's runner.mjs) until the budget's end, and leaves in OUT_DIR: gpu-run.json (the
# adapter, profile, engine timings, per-figure seconds), log.txt, and the computed cache as cache.tar.gz.part-*
# (at most 15 MiB each). Needs bash, tar, gzip and xz or python3; no Node, npm or network.
set -euo pipefail
started=$(date +%s)
kit=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: bash run.sh OUT_DIR [--budget SECONDS] [--profile gpu|cpu|auto]}
shift
budget=300 profile=auto backend=auto timing_runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --budget) budget=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;; # webgpu forces Dawn's adapter even when it is a software one
    --timing-runs) timing_runs=$2; shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
exec > >(tee "$out/log.txt") 2>&1

# xz where the machine has it, else Python's lzma (a CUDA image has python3 but maybe no xz).
unxz_to_stdout() {
  if command -v xz >/dev/null; then xz -dc "$1"
  else python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), sys.stdout.buffer)' "$1"; fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/layerlens-kit.XXXXXX")
unxz_to_stdout "$kit/node.xz" >"$work/node"
chmod +x "$work/node"
unxz_to_stdout "$kit/natives.tar.xz" | tar -x -C "$work"
mkdir -p "$work/project"
tar -xzf "$kit/project.tar.gz" -C "$work/project"
echo "Unpacked in $(($(date +%s) - started))s to $work"

echo "== GPU"
if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
else echo "no nvidia-smi: no NVIDIA driver here"; fi
echo "== Vulkan"
# The kit's loader (Debian's libvulkan1) and GL/EGL dispatch libraries; the ICD is the driver's own.
export LD_LIBRARY_PATH="$work/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
icds=$(ls /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json 2>/dev/null || true)
nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "$icds" ] && [ -f "$nvidia_icd" ]; then export VK_DRIVER_FILES=$nvidia_icd; icds=$nvidia_icd; fi
echo "Vulkan drivers (ICDs): ${icds:-none found}"

# 10 s kept for packing the cache (a gzip of tens of MB).
left=$((budget - ($(date +%s) - started) - 10))
cd "$work/project"
status=0
"$work/node" "$work/runner.mjs" --out "$out" --budget "$left" --profile "$profile" --backend "$backend" --timing-runs "$timing_runs" || status=$?
# gzip: the figures' data JSON shrinks several times (the PNGs do not).
if [ -d .layerlens/cache ]; then tar -czf - -C .layerlens cache | split -b 15m - "$out/cache.tar.gz.part-"; fi
echo "run.sh: done in $(($(date +%s) - started))s (runner exit $status); outputs in $out"
rm -rf "$work"
exit $status
