#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace centrale {

// One key as the phone must be told: what it does, with what value and label. Vendor-neutral.
struct ProvisionedKey {
    enum class Kind {
        None,      // nothing on the key
        Blf,       // a colleague's extension: busy-lamp field that calls it when pressed
        SpeedDial, // an external number
    };
    int index = 0; // 1-based, as printed next to the key
    Kind kind = Kind::None;
    QString value; // Blf: the colleague's SIP identity (user@domain); SpeedDial: the number, E.164
    QString label; // shown on the phone's screen; any Unicode text, the renderer encodes it
};

// What a provisioning file is made of.
struct ProvisioningInput {
    QString mac;   // 12 upper-case hex digits
    QString model;
    QList<ProvisionedKey> keys; // every key of the model, by index
};

// Writes a phone's configuration in one vendor's format. One subclass per vendor, each in its own
// file; RendererRegistry picks the one for a phone's model.
class ProvisioningRenderer {
public:
    virtual ~ProvisioningRenderer() = default;
    // "yealink", "snom", ...: also the vendor a reload request names.
    virtual QString vendor() const = 0;
    virtual bool handlesModel(const QString &model) const = 0;
    // The name the phone asks its provisioning server for.
    virtual QString fileName(const QString &mac) const = 0;
    // The file, UTF-8.
    virtual QByteArray render(const ProvisioningInput &input) const = 0;

    // Text on one line, without control characters (each run of them becomes one space), trimmed.
    static QString singleLine(const QString &text);
};

} // namespace centrale
