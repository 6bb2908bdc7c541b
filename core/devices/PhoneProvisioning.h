#pragma once

#include "common/Result.h"
#include "devices/PhoneReloader.h"
#include "devices/ProvisioningRenderer.h"

#include "domain/KeyTemplate.h"
#include "domain/User.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace centrale {

class RendererRegistry;
class Store;
struct SipPhone;

struct ProvisioningFile {
    QString fileName;
    QString vendor;
    QByteArray content;
};

// A phone's provisioning file from its effective keys (own keys and its owner's templates), in
// its vendor's format, and what a reload request to it needs.
class PhoneProvisioning final {
    Q_DECLARE_TR_FUNCTIONS(PhoneProvisioning)
public:
    PhoneProvisioning(Store &store, const RendererRegistry &registry) : m_store(store), m_registry(registry) {}

    Result<ProvisioningInput> inputFor(const SipPhone &phone);
    Result<ProvisioningFile> render(const SipPhone &phone);
    // Renders and writes the file into directory (created if need be); returns the file's path.
    Result<QString> write(const SipPhone &phone, const QString &directory);
    // Error when the phone has no SIP address (its change then waits).
    Result<ReloadRequest> reloadRequest(const SipPhone &phone);

    // The same without a store (the server): the phone's effective keys, and its colleagues by id
    // (nullopt when deleted: the key goes blank), the phone's owner's username (may be empty).
    static ProvisioningInput inputFrom(const SipPhone &phone, const QList<EffectiveKey> &keys,
                                       const std::function<std::optional<User>(const QString &userId)> &userById);
    static Result<ProvisioningFile> renderWith(const RendererRegistry &registry, const SipPhone &phone, const ProvisioningInput &input);
    static Result<ReloadRequest> reloadRequestFor(const RendererRegistry &registry, const SipPhone &phone, const QString &ownerUsername);
    // Where a store's provisioning files go: the folder "provisioning" beside the store file.
    static QString directoryFor(const QString &storePath);

private:
    Store &m_store;
    const RendererRegistry &m_registry;
};

} // namespace centrale
