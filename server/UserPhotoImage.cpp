#include "UserPhotoImage.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace centrale::server {

Result<QByteArray> UserPhotoImage::normalise(const QByteArray &jpeg)
{
    QBuffer input;
    input.setData(jpeg);
    QImageReader reader(&input, "jpeg");
    reader.setAutoDetectImageFormat(false); // a PNG sent as image/jpeg is not a JPEG
    reader.setAutoTransform(true);          // honour the EXIF orientation of phone pictures
    reader.setAllocationLimit(512);         // MiB: a bigger picture is hostile or absurd
    const QImage image = jpeg.startsWith("\xFF\xD8") ? reader.read() : QImage();
    if (image.isNull()) {
        return Error::invalid(tr("The photo is not a JPEG picture that can be read (%1).")
                                  .arg(jpeg.startsWith("\xFF\xD8") ? reader.errorString() : tr("it does not start as a JPEG file")),
                              QStringLiteral("photo"));
    }
    // The centre square, scaled to Side x Side (upscaled when smaller). JPEG has no transparency.
    const int side = std::min(image.width(), image.height());
    const QImage square = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side)
                              .scaled(Side, Side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
    for (int quality : {90, 80, 65, 50}) {
        QByteArray bytes;
        QBuffer output(&bytes);
        output.open(QIODevice::WriteOnly);
        QImageWriter writer(&output, "jpeg");
        writer.setQuality(quality);
        if (!writer.write(square))
            return Error{ErrorCode::Io, tr("The photo could not be written as JPEG: %1.").arg(writer.errorString()), QStringLiteral("photo")};
        if (bytes.size() <= MaxStoredBytes)
            return bytes;
    }
    return Error::invalid(tr("The photo is too detailed to fit the size limit."), QStringLiteral("photo"));
}

} // namespace centrale::server
