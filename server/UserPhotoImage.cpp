#include "UserPhotoImage.h"

#include <libexif/exif-data.h>
#include <turbojpeg.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace centrale::server {

namespace {

struct TjHandle {
    tjhandle handle;
    explicit TjHandle(tjhandle h) : handle(h) {}
    ~TjHandle()
    {
        if (handle)
            tjDestroy(handle);
    }
    TjHandle(const TjHandle &) = delete;
    TjHandle &operator=(const TjHandle &) = delete;
};

// A bigger picture is hostile or absurd (the desktop allows the same 512 MiB of pixels).
constexpr qint64 MaxPixels = 512LL * 1024 * 1024 / 4;

// The centre square of an RGB picture, resampled to side x side: the average of the source
// pixels each output pixel covers when shrinking, bilinear when enlarging.
std::vector<unsigned char> centreSquare(const std::vector<unsigned char> &rgb, int width, int height, int side)
{
    const int square = std::min(width, height);
    const int left = (width - square) / 2;
    const int top = (height - square) / 2;
    std::vector<unsigned char> out(static_cast<size_t>(side) * side * 3);
    const double step = static_cast<double>(square) / side;
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            unsigned char *target = &out[(static_cast<size_t>(y) * side + x) * 3];
            if (step >= 1.0) {
                const int x0 = left + static_cast<int>(x * step);
                const int x1 = std::max(x0 + 1, left + static_cast<int>((x + 1) * step));
                const int y0 = top + static_cast<int>(y * step);
                const int y1 = std::max(y0 + 1, top + static_cast<int>((y + 1) * step));
                for (int c = 0; c < 3; ++c) {
                    quint64 sum = 0;
                    for (int sy = y0; sy < y1; ++sy)
                        for (int sx = x0; sx < x1; ++sx)
                            sum += rgb[(static_cast<size_t>(sy) * width + sx) * 3 + c];
                    target[c] = static_cast<unsigned char>(sum / (static_cast<quint64>(x1 - x0) * (y1 - y0)));
                }
            } else {
                const double fx = std::clamp((x + 0.5) * step - 0.5, 0.0, square - 1.0);
                const double fy = std::clamp((y + 0.5) * step - 0.5, 0.0, square - 1.0);
                const int ix = static_cast<int>(fx);
                const int iy = static_cast<int>(fy);
                const int jx = std::min(ix + 1, square - 1);
                const int jy = std::min(iy + 1, square - 1);
                const double ax = fx - ix;
                const double ay = fy - iy;
                auto at = [&](int px, int py, int c) {
                    return static_cast<double>(rgb[(static_cast<size_t>(top + py) * width + left + px) * 3 + c]);
                };
                for (int c = 0; c < 3; ++c) {
                    const double v = (at(ix, iy, c) * (1 - ax) + at(jx, iy, c) * ax) * (1 - ay) + (at(ix, jy, c) * (1 - ax) + at(jx, jy, c) * ax) * ay;
                    target[c] = static_cast<unsigned char>(std::clamp(v + 0.5, 0.0, 255.0));
                }
            }
        }
    }
    return out;
}

// The EXIF orientation (1 to 8) a camera or phone wrote; 1 (as stored) when there is none.
int exifOrientation(const QByteArray &jpeg)
{
    ExifData *exif = exif_data_new_from_data(reinterpret_cast<const unsigned char *>(jpeg.constData()), static_cast<unsigned int>(jpeg.size()));
    if (!exif)
        return 1;
    int orientation = 1;
    if (ExifEntry *entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
        entry && entry->format == EXIF_FORMAT_SHORT && entry->components == 1 && entry->size >= 2)
        orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif));
    exif_data_unref(exif);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

// Turns and mirrors the picture as its EXIF orientation says, so that it stands upright.
std::vector<unsigned char> upright(const std::vector<unsigned char> &rgb, int &width, int &height, int orientation)
{
    if (orientation == 1)
        return rgb;
    const bool swap = orientation >= 5;
    const int w = width;
    const int h = height;
    const int outW = swap ? h : w;
    const int outH = swap ? w : h;
    std::vector<unsigned char> out(rgb.size());
    for (int y = 0; y < outH; ++y) {
        for (int x = 0; x < outW; ++x) {
            int sx = x;
            int sy = y;
            switch (orientation) {
            case 2: sx = w - 1 - x; break;                   // mirrored
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;   // turned 180°
            case 4: sy = h - 1 - y; break;                   // mirrored upside down
            case 5: sx = y; sy = x; break;                   // transposed
            case 6: sx = y; sy = h - 1 - x; break;           // to be turned 90° clockwise
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;   // transversed
            case 8: sx = w - 1 - y; sy = x; break;           // to be turned 90° anticlockwise
            default: break;
            }
            const size_t from = (static_cast<size_t>(sy) * w + sx) * 3;
            const size_t to = (static_cast<size_t>(y) * outW + x) * 3;
            out[to] = rgb[from];
            out[to + 1] = rgb[from + 1];
            out[to + 2] = rgb[from + 2];
        }
    }
    width = outW;
    height = outH;
    return out;
}

} // namespace

Result<QByteArray> UserPhotoImage::normalise(const QByteArray &jpeg)
{
    // libjpeg-turbo: the server decodes pictures without any GUI library.
    TjHandle decoder(tjInitDecompress());
    int width = 0;
    int height = 0;
    int subsampling = 0;
    int colourspace = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(jpeg.constData());
    const auto size = static_cast<unsigned long>(jpeg.size());
    if (!decoder.handle || !jpeg.startsWith("\xFF\xD8")
        || tjDecompressHeader3(decoder.handle, data, size, &width, &height, &subsampling, &colourspace) != 0 || width <= 0 || height <= 0) {
        return Error::invalid(tr("The photo is not a JPEG picture that can be read (%1).")
                                  .arg(jpeg.startsWith("\xFF\xD8") ? QString::fromLatin1(tjGetErrorStr2(decoder.handle))
                                                                   : tr("it does not start as a JPEG file")),
                              QStringLiteral("photo"));
    }
    if (static_cast<qint64>(width) * height > MaxPixels)
        return Error::invalid(tr("The photo is %1 x %2 pixels: too large to be a photo.").arg(width).arg(height), QStringLiteral("photo"));
    // Decode at the smallest scale that still gives at least Side pixels on the short edge.
    int scalingCount = 0;
    const tjscalingfactor *factors = tjGetScalingFactors(&scalingCount);
    tjscalingfactor chosen{1, 1};
    for (int i = 0; i < scalingCount; ++i) {
        const tjscalingfactor f = factors[i];
        if (f.num <= f.denom && std::min(TJSCALED(width, f), TJSCALED(height, f)) >= Side
            && static_cast<double>(f.num) / f.denom < static_cast<double>(chosen.num) / chosen.denom)
            chosen = f;
    }
    int w = TJSCALED(width, chosen);
    int h = TJSCALED(height, chosen);
    std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
    // A truncated JPEG still decodes (the missing part grey), as on the desktop; a broken one does not.
    if (tjDecompress2(decoder.handle, data, size, rgb.data(), w, 0, h, TJPF_RGB, TJFLAG_ACCURATEDCT) != 0
        && tjGetErrorCode(decoder.handle) == TJERR_FATAL) {
        return Error::invalid(tr("The photo is not a JPEG picture that can be read (%1).").arg(QString::fromLatin1(tjGetErrorStr2(decoder.handle))),
                              QStringLiteral("photo"));
    }
    // Upright first, as the desktop's photo dialog does, then the centre square.
    const std::vector<unsigned char> turned = upright(rgb, w, h, exifOrientation(jpeg));
    const std::vector<unsigned char> square = centreSquare(turned, w, h, Side);

    TjHandle encoder(tjInitCompress());
    if (!encoder.handle)
        return Error{ErrorCode::Io, tr("The photo could not be written as JPEG: %1.").arg(QString::fromLatin1(tjGetErrorStr2(nullptr))), QStringLiteral("photo")};
    for (int quality : {90, 80, 65, 50}) {
        unsigned char *buffer = nullptr;
        unsigned long length = 0;
        if (tjCompress2(encoder.handle, square.data(), Side, 0, Side, TJPF_RGB, &buffer, &length, TJSAMP_420, quality, TJFLAG_ACCURATEDCT) != 0) {
            const QString why = QString::fromLatin1(tjGetErrorStr2(encoder.handle));
            tjFree(buffer);
            return Error{ErrorCode::Io, tr("The photo could not be written as JPEG: %1.").arg(why), QStringLiteral("photo")};
        }
        QByteArray bytes(reinterpret_cast<const char *>(buffer), static_cast<qsizetype>(length));
        tjFree(buffer);
        if (bytes.size() <= MaxStoredBytes)
            return bytes;
    }
    return Error::invalid(tr("The photo is too detailed to fit the size limit."), QStringLiteral("photo"));
}

} // namespace centrale::server
