/** Client side of the engine-check page. tfjs is imported only when a run starts. */

const WARM_RUNS = 5;
import type { BackendName, ModelSpec, Network } from '../engine/index.ts';

export function runEngineCheck(form: HTMLFormElement): void {
  const params = new URLSearchParams(location.search);
  for (const key of ['backend', 'image']) {
    const value = params.get(key);
    const select = form.elements.namedItem(key) as HTMLSelectElement | null;
    if (value && select) select.value = value;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(form);
  });
  if (params.has('run')) void run(form);
}

async function run(form: HTMLFormElement): Promise<void> {
  const status = document.getElementById('engine-status')!;
  const table = document.getElementById('engine-result') as HTMLTableElement;
  const data = new FormData(form);
  const spec = JSON.parse(form.dataset.spec!) as ModelSpec;
  const show = (state: string, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  try {
    show('loading', 'Loading the engine...');
    const [{ startBackend, dataUrl }, { load, HttpSource }] = await Promise.all([
      import('./engine/backend.ts'),
      import('../engine/index.ts'),
    ]);
    const { decodeImage } = await import('./photo-input.ts');
    const backend = await startBackend(data.get('backend') as BackendName | 'auto');
    show('loading', `Backend ${backend.name}; loading ${spec.name}...`);
    const t0 = performance.now();
    const network = await load(spec, new HttpSource(dataUrl(spec.id)));
    const pixels = await decodeImage(await (await fetch(dataUrl('images-photos', String(data.get('image'))))).blob());
    const t1 = performance.now();
    const top = await network.classify(pixels, 5); // the first run compiles kernels: timed on its own
    const t2 = performance.now();
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const start = performance.now();
      await network.classify(pixels, 5);
      warm.push(performance.now() - start);
    }
    const perImage = warm.sort((a, b) => a - b)[Math.floor(WARM_RUNS / 2)]!;
    table.tBodies[0]!.replaceChildren(
      ...top.map((p, i) => {
        const row = document.createElement('tr');
        row.innerHTML = `<td>${i + 1}</td><td></td><td class="num">${(p.probability * 100).toFixed(1)}%</td>`;
        row.cells[1]!.textContent = p.label;
        return row;
      }),
    );
    table.hidden = false;
    table.dataset.top5 = JSON.stringify(top.map((p) => p.index));
    status.dataset.backend = backend.name;
    status.dataset.ms = perImage.toFixed(1);
    status.dataset.firstMs = (t2 - t1).toFixed(1);
    const dreamSteps = Number(new URLSearchParams(location.search).get('dream') ?? 0);
    let dream: number | null = null;
    let dreamError = '';
    try {
      dream = dreamSteps > 0 ? await measureDreamSpeed(network, dreamSteps, (text) => show('loading', text)) : null;
    } catch (error) {
      // The classification above stands; say what failed in the optimisation measurement.
      dreamError = ` Feature visualisation failed: ${error instanceof Error ? error.message : String(error)}.`;
      status.dataset.dreamError = dreamError;
    }
    if (dream !== null) status.dataset.dreamStepsPerSecond = dream.toFixed(2);
    show(
      'done',
      `Done on ${backend.name}: ${perImage.toFixed(0)} ms per image (median of ${WARM_RUNS}; first run ${(t2 - t1).toFixed(0)} ms, ` +
        `loading ${(t1 - t0).toFixed(0)} ms).` +
        (dream !== null
          ? ` Feature visualisation: ${dream.toFixed(2)} optimisation steps per second (80×80).`
          : dreamError) +
        (backend.skipped.length
          ? ` Skipped: ${backend.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.`
          : ''),
    );
  } catch (error) {
    show('error', `Failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Steps per second of the feature-visualisation recipe at the CPU profile's size (80x80), on a middle-layer unit. */
async function measureDreamSpeed(network: Network, steps: number, say: (text: string) => void): Promise<number> {
  say(`Measuring optimisation speed (${steps} steps)...`);
  const { dream } = await import('../engine/index.ts');
  const { visualize, objectives } = dream;
  const objective = objectives.channel(objectives.beforeNonLinearity(network, 'conv2d_6'), 8);
  await visualize(network, objective, { width: 80, height: 80, steps: 1, seed: 0 }); // compile kernels first
  const result = await visualize(network, objective, { width: 80, height: 80, steps, seed: 0 });
  return result.stepsPerSecond;
}
