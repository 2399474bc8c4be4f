//! Checks of files beside the publiccode.yml, on real files in a temporary repository.

use commons_publiccode::{Options, validate};
use std::path::Path;

fn example_with_logo(logo: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    let text = std::fs::read_to_string(path).unwrap();
    text.replace("organisation:", &format!("logo: \"{logo}\"\norganisation:"))
        .into_bytes()
}

fn errors_for(dir: &Path, logo: &str) -> Vec<String> {
    let mut v = validate(&example_with_logo(logo), &Options::default());
    commons_checks::check_files(&mut v, dir);
    v.errors()
        .map(|d| format!("{}: {}", d.key, d.message))
        .collect()
}

fn png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 1, 1);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0]).unwrap();
    }
    out
}

#[test]
fn a_real_png_logo_inside_the_repository_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("img")).unwrap();
    std::fs::write(dir.path().join("img/logo.png"), png()).unwrap();
    assert_eq!(errors_for(dir.path(), "img/logo.png"), Vec::<String>::new());
    assert_eq!(
        errors_for(dir.path(), "img/../img/logo.png"),
        Vec::<String>::new()
    );
}

#[test]
fn missing_fake_and_wrongly_named_logos_fail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fake.png"), b"GIF89a not a png").unwrap();
    std::fs::write(dir.path().join("logo.gif"), b"GIF89a").unwrap();
    let missing = errors_for(dir.path(), "nope.png");
    assert!(missing[0].contains("no such file"), "{missing:?}");
    let fake = errors_for(dir.path(), "fake.png");
    assert!(fake[0].starts_with("logo: image:"), "{fake:?}");
    let gif = errors_for(dir.path(), "logo.gif");
    assert!(gif[0].contains("invalid file extension"), "{gif:?}");
}

#[test]
fn paths_and_links_out_of_the_repository_are_refused() {
    let outer = tempfile::tempdir().unwrap();
    let repo = outer.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    std::fs::write(outer.path().join("secret.png"), png()).unwrap();
    let climbing = errors_for(&repo, "../secret.png");
    assert!(
        climbing[0].contains("outside the repository"),
        "{climbing:?}"
    );

    std::os::unix::fs::symlink("/etc/passwd", repo.join("passwd.png")).unwrap();
    let linked = errors_for(&repo, "passwd.png");
    assert!(linked[0].contains("outside the repository"), "{linked:?}");

    std::os::unix::fs::symlink(outer.path().join("secret.png"), repo.join("s.png")).unwrap();
    let linked = errors_for(&repo, "s.png");
    assert!(linked[0].contains("outside the repository"), "{linked:?}");
}

#[test]
fn a_directory_is_not_a_logo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("logo.png")).unwrap();
    let errors = errors_for(dir.path(), "logo.png");
    assert!(errors[0].contains("not a regular file"), "{errors:?}");
}
