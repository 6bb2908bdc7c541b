#include "users/UserPhoto.h"

#include "store/UserRepository.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace centrale {

namespace {
Result<QImage> read(QImageReader &reader, const QString &name)
{
    reader.setAutoTransform(true); // honour the EXIF orientation of phone pictures
    // A picture that would need more memory than this is hostile or absurd; Qt refuses to allocate it.
    reader.setAllocationLimit(512);
    QImage image = reader.read();
    if (image.isNull())
        return Error{ErrorCode::Io,
                     UserPhoto::tr("%1 cannot be used as a photo: %2.").arg(name, reader.errorString()), QStringLiteral("photo")};
    return image;
}
} // namespace

Result<QImage> UserPhoto::load(const QString &path)
{
    QImageReader reader(path);
    return read(reader, QFileInfo(path).fileName());
}

Result<QImage> UserPhoto::fromData(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    QImageReader reader(&buffer);
    return read(reader, tr("The picture"));
}

QImage UserPhoto::fit(const QImage &image)
{
    const int side = qMin(image.width(), image.height());
    const QImage square = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side);
    const QImage scaled = square.scaled(Side, Side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    // JPEG has no transparency: put transparent pictures on white rather than black.
    QImage out(Side, Side, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.drawImage(0, 0, scaled);
    return out;
}

Result<QByteArray> UserPhoto::toJpeg(const QImage &image)
{
    const QImage fitted = image.width() == Side && image.height() == Side && !image.hasAlphaChannel() ? image : fit(image);
    for (int quality : {90, 80, 65, 50}) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(quality);
        if (!writer.write(fitted))
            return Error{ErrorCode::Io, tr("The photo could not be written as JPEG: %1.").arg(writer.errorString()), QStringLiteral("photo")};
        if (bytes.size() <= UserRepository::MaxPhotoBytes)
            return bytes;
    }
    return Error{ErrorCode::Invalid, tr("The photo is too detailed to fit the size limit."), QStringLiteral("photo")};
}

} // namespace centrale
