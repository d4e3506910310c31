/*
 * ml5 0.12.2's styleTransfer, driven by the LayerLens benchmark (scripts/lib/bench/fast-style.ts). Plain
 * JavaScript served to a page of its own: ml5 bundles tfjs 1.7, whose global engine would clash with our
 * tfjs 4 in one page.
 */
/* global ml5 -- ml5.min.js, loaded by the page before this script, defines it. */
window.ml5Bench = {
  model: null,

  async start(backend) {
    await ml5.tf.setBackend(backend);
    await ml5.tf.ready();
    return ml5.tf.getBackend();
  },

  /** tfjs's WebGL conv through an im2col matrix (its default) or not: off, ml5 runs sizes whose matrix passes the texture limit. */
  setIm2col(on) {
    ml5.tf.env().set('WEBGL_CONV_IM2COL', on);
  },

  async load(url) {
    this.model = await ml5.styleTransfer(url);
  },

  /** RGB bytes (base64) to the ImageData ml5's transfer() accepts. */
  imageData(base64, width, height) {
    const rgb = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
      rgba[4 * i + 3] = 255;
    }
    return new ImageData(rgba, width, height);
  },

  /** transferInternal() of ml5 through its own layer methods, up to the clipped 0..255 tensor (before /255 and the canvas). */
  forward(image) {
    const tf = ml5.tf;
    const st = this.model;
    const input = tf.browser.fromPixels(image);
    const out = tf.tidy(() => {
      const conv1 = st.convLayer(input, 1, true, 0);
      const conv2 = st.convLayer(conv1, 2, true, 3);
      const conv3 = st.convLayer(conv2, 2, true, 6);
      let res = conv3;
      for (const id of [9, 15, 21, 27, 33]) res = st.residualBlock(res, id);
      const convT1 = st.convTransposeLayer(res, 64, 2, 39);
      const convT2 = st.convTransposeLayer(convT1, 32, 2, 42);
      const convT3 = st.convLayer(convT2, 1, false, 45);
      return tf.clipByValue(tf.add(st.plusScalar, tf.mul(st.timesScalar, tf.tanh(convT3))), 0, 255);
    });
    input.dispose();
    return out;
  },

  /** Milliseconds per run: the forward pass read back to the CPU ("forward"), or the public transfer() ("transfer"). */
  async time(kind, base64, width, height, warmup, runs) {
    const image = this.imageData(base64, width, height);
    const once = async () => {
      if (kind === 'transfer') return this.model.transfer(image);
      const out = this.forward(image);
      await out.data();
      out.dispose();
    };
    for (let i = 0; i < warmup; i++) await once();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await once();
      times.push(performance.now() - start);
    }
    return times;
  },

  /** The float output (0..255) as base64 float32. */
  async output(base64, width, height) {
    const out = this.forward(this.imageData(base64, width, height));
    const values = await out.data();
    out.dispose();
    return this.toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  },

  /** The RGB bytes of the <img> that the public transfer() returns, as base64. */
  async transferBytes(base64, width, height) {
    const img = await this.model.transfer(this.imageData(base64, width, height));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const rgb = new Uint8Array((rgba.length / 4) * 3);
    for (let i = 0; i < rgba.length / 4; i++) rgb.set(rgba.subarray(4 * i, 4 * i + 3), 3 * i);
    return this.toBase64(rgb);
  },

  toBase64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  },
};
