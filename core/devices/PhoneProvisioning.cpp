#include "devices/PhoneProvisioning.h"

#include "devices/RendererRegistry.h"
#include "store/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace centrale {

QString PhoneProvisioning::directoryFor(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("provisioning"));
}

Result<ProvisioningInput> PhoneProvisioning::inputFor(const SipPhone &phone)
{
    auto keys = m_store.phones.effectiveKeys(phone);
    if (!keys)
        return keys.error();
    Error failure;
    bool failed = false;
    ProvisioningInput input = inputFrom(phone, *keys, [&](const QString &userId) -> std::optional<User> {
        auto user = m_store.users.get(userId);
        if (!user) {
            if (user.error().code != ErrorCode::NotFound && !failed) {
                failure = user.error();
                failed = true;
            }
            return std::nullopt;
        }
        return *user;
    });
    if (failed)
        return failure;
    return input;
}

ProvisioningInput PhoneProvisioning::inputFrom(const SipPhone &phone, const QList<EffectiveKey> &keys,
                                               const std::function<std::optional<User>(const QString &userId)> &userById)
{
    ProvisioningInput input;
    input.mac = phone.mac;
    input.model = phone.model;
    for (const EffectiveKey &e : keys) {
        ProvisionedKey k;
        k.index = e.key.index;
        switch (e.key.type) {
        case PhoneKey::Type::Empty: break;
        case PhoneKey::Type::Extension: {
            const std::optional<User> user = userById(e.key.userId);
            if (!user)
                break; // the colleague was deleted: the key goes blank
            k.kind = ProvisionedKey::Kind::Blf;
            k.value = user->username;
            k.label = e.key.displayName.isEmpty() ? user->displayName() : e.key.displayName;
            break;
        }
        case PhoneKey::Type::External:
            k.kind = ProvisionedKey::Kind::SpeedDial;
            k.value = e.key.number;
            k.label = e.key.displayName;
            break;
        }
        input.keys << k;
    }
    return input;
}

Result<ProvisioningFile> PhoneProvisioning::renderWith(const RendererRegistry &registry, const SipPhone &phone, const ProvisioningInput &input)
{
    const ProvisioningRenderer *renderer = registry.forModel(phone.model);
    if (!renderer)
        return Error::invalid(tr("Centrale cannot write provisioning files for the %1 yet (it knows %2).")
                                  .arg(phone.model, registry.vendors().join(QStringLiteral(", "))),
                              QStringLiteral("model"));
    return ProvisioningFile{renderer->fileName(phone.mac), renderer->vendor(), renderer->render(input)};
}

Result<ProvisioningFile> PhoneProvisioning::render(const SipPhone &phone)
{
    if (!m_registry.forModel(phone.model))
        return renderWith(m_registry, phone, {});
    auto input = inputFor(phone);
    if (!input)
        return input.error();
    return renderWith(m_registry, phone, *input);
}

Result<QString> PhoneProvisioning::write(const SipPhone &phone, const QString &directory)
{
    auto file = render(phone);
    if (!file)
        return file.error();
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory)), {}};
    const QString path = QDir(directory).filePath(file->fileName);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file->content) != file->content.size() || !out.commit())
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()), {}};
    return path;
}

Result<ReloadRequest> PhoneProvisioning::reloadRequest(const SipPhone &phone)
{
    QString ownerUsername;
    if (phone.sipUser.isEmpty() && !phone.ownerId.isEmpty()) {
        if (auto owner = m_store.users.get(phone.ownerId))
            ownerUsername = owner->username;
    }
    return reloadRequestFor(m_registry, phone, ownerUsername);
}

Result<ReloadRequest> PhoneProvisioning::reloadRequestFor(const RendererRegistry &registry, const SipPhone &phone, const QString &ownerUsername)
{
    if (phone.sipAddress.isEmpty())
        return Error::invalid(tr("The phone %1 has no SIP address: its changes wait until it fetches its settings.").arg(SipPhone::formatMac(phone.mac)),
                              QStringLiteral("sipAddress"));
    ReloadRequest r;
    if (Status s = SipPhone::parseSipAddress(phone.sipAddress, &r.host, &r.port); !s)
        return s.error();
    const ProvisioningRenderer *renderer = registry.forModel(phone.model);
    r.vendor = renderer ? renderer->vendor() : phone.model.section(QLatin1Char(' '), 0, 0).toLower();
    r.authUser = phone.sipUser;
    r.authPassword = phone.sipPassword;
    if (!phone.sipUser.isEmpty())
        r.userPart = phone.sipUser;
    else if (!ownerUsername.isEmpty())
        r.userPart = ownerUsername.section(QLatin1Char('@'), 0, 0);
    if (r.userPart.isEmpty())
        r.userPart = phone.mac.toLower();
    return r;
}

} // namespace centrale
