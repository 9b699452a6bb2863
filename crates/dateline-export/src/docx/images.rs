//! Pictures for the Word document. docx-rs embeds PNG; other formats are
//! converted. Images are decoded under limits, and anything unreadable is
//! refused (the body then links to the image instead).

use std::io::Cursor;

use docx_rs::Pic;
use image::{ImageFormat, ImageReader, Limits};

/// The widest an image is shown, in pixels at 96 dpi (6.25 in, inside the
/// margins of both A4 and Letter).
const MAX_WIDTH_PX: u32 = 600;
const EMU_PER_PX: u32 = 9525;
/// Past this an image is not decoded (a 100 megapixel bomb would need GBs).
const MAX_PIXELS: u64 = 40_000_000;

pub(crate) fn picture(bytes: &[u8]) -> Option<Pic> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
    let format = reader.format()?;
    let (width, height) = reader.into_dimensions().ok()?;
    if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return None;
    }
    let png = if format == ImageFormat::Png {
        bytes.to_vec()
    } else {
        to_png(bytes)?
    };
    let shown_width = width.min(MAX_WIDTH_PX);
    let shown_height = (u64::from(height) * u64::from(shown_width) / u64::from(width)).max(1) as u32;
    Some(
        Pic::new_with_dimensions(png, width, height)
            .size(shown_width * EMU_PER_PX, shown_height * EMU_PER_PX),
    )
}

fn to_png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().ok()?;
    let mut png = Cursor::new(Vec::new());
    image.write_to(&mut png, ImageFormat::Png).ok()?;
    Some(png.into_inner())
}
