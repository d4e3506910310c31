/**
 * The inverse real 2-D DFT as two matrix products, because tfjs has no gradient for irfft, fft or
 * complex ops. A spectrum of h x fw complex coefficients (fw = floor(w/2) + 1, the non-redundant half
 * along x, as numpy's rfft2 keeps it) becomes an h x w real image exactly as numpy's irfft2 would:
 *
 *   Y = IDFT_h(A + iB)             along y, complex:  Yr = Ch A - Sh B,  Yi = Sh A + Ch B
 *   x = Yr Cw - Yi Sw              along x, real:      c_l cos / sin terms, c_l = 1 for DC and Nyquist, else 2
 *     = Ch (A Cw - B Sw) - Sh (A Sw + B Cw)
 *
 * Both stages are one matMul each by packing the real and imaginary halves side by side.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Precomputed bases for one image size. Dispose when done. */
export interface FourierBasis {
  height: number;
  width: number;
  /** Spectrum columns kept: floor(width / 2) + 1. */
  freqWidth: number;
  /** [2fw, 2w]: [A | B] @ xBasis = [A Cw - B Sw | A Sw + B Cw]. */
  xBasis: tf.Tensor2D;
  /** [h, 2h]: [Ch | -Sh], applied to the stacked [P; Q]. */
  yBasis: tf.Tensor2D;
}

export function fourierBasis(height: number, width: number): FourierBasis {
  const fw = Math.floor(width / 2) + 1;
  const x = new Float32Array(2 * fw * 2 * width);
  for (let l = 0; l < fw; l++) {
    const weight = l === 0 || 2 * l === width ? 1 : 2;
    for (let n = 0; n < width; n++) {
      const angle = (2 * Math.PI * l * n) / width;
      // DC and Nyquist sines are exactly zero: irfft ignores their imaginary parts.
      const c = (weight * Math.cos(angle)) / width;
      const s = weight === 1 ? 0 : (weight * Math.sin(angle)) / width;
      x[l * 2 * width + n] = c; // A -> P
      x[l * 2 * width + width + n] = s; // A -> Q
      x[(fw + l) * 2 * width + n] = -s; // B -> P
      x[(fw + l) * 2 * width + width + n] = c; // B -> Q
    }
  }
  const y = new Float32Array(height * 2 * height);
  for (let m = 0; m < height; m++) {
    for (let k = 0; k < height; k++) {
      const angle = (2 * Math.PI * k * m) / height;
      y[m * 2 * height + k] = Math.cos(angle) / height;
      y[m * 2 * height + height + k] = -Math.sin(angle) / height;
    }
  }
  return {
    height,
    width,
    freqWidth: fw,
    xBasis: tf.tensor2d(x, [2 * fw, 2 * width]),
    yBasis: tf.tensor2d(y, [height, 2 * height]),
  };
}

export function disposeBasis(basis: FourierBasis): void {
  tf.dispose([basis.xBasis, basis.yBasis]);
}

/**
 * Spectra packed as [channels * h, 2 fw] (real parts, then imaginary parts, per row) to images
 * [h, w, channels]. Differentiable: matMul, reshape and transpose only.
 */
export function irfft2d(spectrum: tf.Tensor2D, basis: FourierBasis, channels: number): tf.Tensor3D {
  const { height: h, width: w } = basis;
  return tf.tidy(() => {
    const pq = tf.matMul(spectrum, basis.xBasis); // [c h, 2w]: P | Q per channel row
    const stacked = tf.reshape(tf.transpose(tf.reshape(pq, [channels, h, 2, w]), [2, 1, 0, 3]), [2 * h, channels * w]);
    const image = tf.matMul(basis.yBasis, stacked); // [h, c w]
    return tf.transpose(tf.reshape(image, [h, channels, w]), [0, 2, 1]) as tf.Tensor3D;
  });
}

/** numpy's fftfreq: cycles per sample of each DFT bin. */
export function fftFrequencies(n: number): number[] {
  return Array.from({ length: n }, (_, k) => (k < Math.ceil(n / 2) ? k : k - n) / n);
}

/**
 * Lucid's spectrum scale per coefficient, [h, fw] row-major: 1 / max(f, 1 / max(w, h))^decay, where f is
 * the radial frequency. Natural images have roughly 1/f amplitude spectra; scaling the parameters by it
 * makes every frequency equally easy to change, so optimisation no longer favours high-frequency noise.
 */
export function spectrumScale(height: number, width: number, decayPower = 1): Float32Array {
  const fy = fftFrequencies(height);
  const fw = Math.floor(width / 2) + 1;
  const floor = 1 / Math.max(width, height);
  const out = new Float32Array(height * fw);
  for (let k = 0; k < height; k++) {
    for (let l = 0; l < fw; l++) {
      const f = Math.hypot(fy[k]!, l / width);
      out[k * fw + l] = 1 / Math.max(f, floor) ** decayPower;
    }
  }
  return out;
}
