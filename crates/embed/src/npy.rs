//! Reads the arrays of an `.npz` file (a zip of `.npy` files), the format `numpy.savez` writes.
//!
//! Only what `weights.npz` holds is supported: C-ordered little-endian `f4`, `f8`, `u1` and
//! `i1` arrays. Every length is checked against the header before anything is read, so a
//! damaged file is an error, never a panic or a huge allocation.

use crate::EmbedError;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Largest member accepted (the biggest array in the model is under 4 MB).
const MAX_MEMBER_BYTES: u64 = 64 << 20;

/// One array: its shape and its values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Array {
    pub shape: Vec<usize>,
    pub data: Data,
}

/// The values of an array, by element type.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Data {
    F32(Vec<f32>),
    F64(Vec<f64>),
    U8(Vec<u8>),
    I8(Vec<i8>),
}

/// Reads every `NAME.npy` member of the archive at `path`, keyed by `NAME`.
pub(crate) fn read_npz(path: &Path) -> Result<HashMap<String, Array>, EmbedError> {
    let file = std::fs::File::open(path).map_err(|e| EmbedError::io(path, e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| EmbedError::format(path.display().to_string(), e.to_string()))?;
    let mut arrays = HashMap::new();
    for i in 0..archive.len() {
        let mut member = archive
            .by_index(i)
            .map_err(|e| EmbedError::format(path.display().to_string(), e.to_string()))?;
        let name = member
            .name()
            .map_err(|e| EmbedError::format(path.display().to_string(), e.to_string()))?
            .to_string();
        let Some(key) = name.strip_suffix(".npy") else {
            continue;
        };
        if member.size() > MAX_MEMBER_BYTES {
            return Err(EmbedError::format(&name, "member too large"));
        }
        let mut bytes = Vec::with_capacity(member.size() as usize);
        (&mut member)
            .take(MAX_MEMBER_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| EmbedError::format(&name, e.to_string()))?;
        let array = parse_npy(&bytes).map_err(|m| EmbedError::format(&name, m))?;
        arrays.insert(key.to_string(), array);
    }
    Ok(arrays)
}

/// Parses one `.npy` file (format versions 1, 2 and 3).
pub(crate) fn parse_npy(bytes: &[u8]) -> Result<Array, String> {
    let rest = bytes
        .strip_prefix(b"\x93NUMPY")
        .ok_or("not an .npy file (bad magic)")?;
    let (&major, rest) = rest.split_first().ok_or("truncated header")?;
    let (_minor, rest) = rest.split_first().ok_or("truncated header")?;
    let (header_len, rest) = match major {
        1 => {
            let (len, rest) = rest.split_at_checked(2).ok_or("truncated header")?;
            (u16::from_le_bytes([len[0], len[1]]) as usize, rest)
        }
        2 | 3 => {
            let (len, rest) = rest.split_at_checked(4).ok_or("truncated header")?;
            (
                u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize,
                rest,
            )
        }
        v => return Err(format!("unsupported .npy version {v}")),
    };
    let (header, data) = rest
        .split_at_checked(header_len)
        .ok_or("truncated header")?;
    let header = std::str::from_utf8(header).map_err(|_| "header is not text")?;
    let descr = dict_value(header, "descr").ok_or("header has no descr")?;
    let fortran = dict_value(header, "fortran_order").ok_or("header has no fortran_order")?;
    if !fortran.starts_with("False") {
        return Err("Fortran-ordered arrays are not supported".into());
    }
    let shape = parse_shape(dict_value(header, "shape").ok_or("header has no shape")?)?;
    let count = shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .ok_or("shape overflows")?;
    let descr = descr.trim_start_matches(['\'', '"']);
    let item = match descr.get(..3) {
        Some("<f4") => 4,
        Some("<f8") => 8,
        Some("|u1") | Some("|i1") => 1,
        _ => return Err(format!("unsupported dtype {descr:.10}")),
    };
    let expected = count.checked_mul(item).ok_or("shape overflows")?;
    if data.len() != expected {
        return Err(format!(
            "{} data bytes for shape {shape:?}, expected {expected}",
            data.len()
        ));
    }
    let data = match &descr[..3] {
        "<f4" => Data::F32(
            data.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        ),
        "<f8" => Data::F64(
            data.chunks_exact(8)
                .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect(),
        ),
        "|u1" => Data::U8(data.to_vec()),
        _ => Data::I8(data.iter().map(|&b| b as i8).collect()),
    };
    Ok(Array { shape, data })
}

/// The text after `'key':` in the header's Python dict literal.
fn dict_value<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let at = header.find(&format!("'{key}'"))?;
    let rest = &header[at + key.len() + 2..];
    Some(rest.trim_start().strip_prefix(':')?.trim_start())
}

/// `(7530, 512), }` → `[7530, 512]`; `(), }` → `[]`.
fn parse_shape(value: &str) -> Result<Vec<usize>, String> {
    let inner = value
        .strip_prefix('(')
        .and_then(|v| v.split_once(')'))
        .ok_or("bad shape")?
        .0;
    inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<usize>()
                .map_err(|_| format!("bad shape {inner:.40}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy(header: &str, data: &[u8]) -> Vec<u8> {
        let mut out = b"\x93NUMPY\x01\x00".to_vec();
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn reads_f32_matrix_and_scalar() {
        let data: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let a = parse_npy(&npy(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n",
            &data,
        ))
        .unwrap();
        assert_eq!(a.shape, vec![2, 3]);
        assert_eq!(a.data, Data::F32(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]));
        let s = parse_npy(&npy(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (), }\n",
            &1e-6f64.to_le_bytes(),
        ))
        .unwrap();
        assert_eq!(s.shape, Vec::<usize>::new());
        assert_eq!(s.data, Data::F64(vec![1e-6]));
    }

    #[test]
    fn rejects_bad_input_without_panicking() {
        let h = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n";
        assert!(parse_npy(&npy(h, &[0; 23])).is_err());
        assert!(parse_npy(&npy(h, &[0; 25])).is_err());
        let huge = "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }";
        assert!(parse_npy(&npy(huge, &[])).is_err());
        assert!(
            parse_npy(&npy(
                "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }",
                &[0; 4]
            ))
            .is_err()
        );
        for n in 0..12 {
            assert!(parse_npy(&npy(h, &[0; 24])[..n]).is_err());
        }
        assert!(parse_npy(b"").is_err());
    }
}
