#pragma once

#include "cli/CliSupport.h"

namespace centrale {

class PhoneReloader;
class Store;
struct PhoneKey;
struct SipPhone;

// centrale-cli phones list|add|key|keys|render|reload|template: SIP phones, their keys, key
// templates and provisioning files.
class PhoneCommands final {
    Q_DECLARE_TR_FUNCTIONS(PhoneCommands)
public:
    explicit PhoneCommands(CliIo &io) : m_io(io) {}
    // args: argv[0], the global options, then what follows "phones".
    int run(const QStringList &args);

private:
    int runList(const QStringList &args);
    int runAdd(const QStringList &args);
    int runKey(const QStringList &args);
    int runKeys(const QStringList &args);
    int runRender(const QStringList &args);
    int runReload(const QStringList &args);
    int runTemplate(const QStringList &args);
    int runTemplateList(const QStringList &args);
    int runTemplateCreate(const QStringList &args);
    int runTemplateKey(const QStringList &args);
    int runTemplateAttach(const QStringList &args, bool attach);
    int runTemplateDelete(const QStringList &args);
    // Parses "TYPE [VALUE]" of a key (extension USERNAME | number NUMBER | empty | inherit);
    // returns CliGoOn with key filled and inherit set, or the exit code (message printed).
    int readKey(Store &store, const QStringList &spec, const QString &label, PhoneKey &key, bool &inherit);
    // The phone with that MAC, or the exit code (message printed).
    int findPhone(Store &store, const QString &mac, SipPhone &phone);
    QString actions() const;

    CliIo &m_io;
};

} // namespace centrale
