#include "cli/PhoneCommands.h"

#include "devices/PhoneProvisioning.h"
#include "devices/PhoneReloadQueue.h"
#include "devices/SipPhoneReloader.h"
#include "devices/RendererRegistry.h"
#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace centrale {

namespace {

// Options that take a value: their value is not an operand.
bool takesValue(const QString &option)
{
    static const QStringList withValue = {QStringLiteral("--store"), QStringLiteral("--model"), QStringLiteral("--owner"),
                                          QStringLiteral("--address"), QStringLiteral("--label"), QStringLiteral("--out"),
                                          QStringLiteral("--group"), QStringLiteral("--sip-user"), QStringLiteral("--sip-password"),
                                          QStringLiteral("--provisioning-dir"), QStringLiteral("--sip-t1"), QStringLiteral("--filter")};
    return withValue.contains(option);
}

// The operands (arguments that are neither options nor their values), after argv[0].
QStringList operandsOf(const QStringList &args)
{
    QStringList out;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--")) {
            out += args.mid(i + 1);
            break;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1 && !a.at(1).isDigit()) {
            if (takesValue(a))
                ++i;
            continue;
        }
        out << a;
    }
    return out;
}

QString sourceName(EffectiveKey::Source source)
{
    switch (source) {
    case EffectiveKey::Source::None: return QStringLiteral("none");
    case EffectiveKey::Source::Phone: return QStringLiteral("phone");
    case EffectiveKey::Source::Template: return QStringLiteral("template");
    }
    return {};
}

} // namespace

QString PhoneCommands::actions() const
{
    return tr("Actions:\n"
              "  phones list [--filter TEXT] [--json]\n"
              "        list SIP phones: MAC, model, owner, label, address, changes waiting\n"
              "  phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT] [--sip-user U --sip-password P]\n"
              "        add a phone\n"
              "  phones key MAC INDEX (extension USERNAME [--label TEXT] | number NUMBER --label TEXT | empty | inherit)\n"
              "        program one key: a colleague's extension, an external number, explicitly nothing, or the template's key\n"
              "  phones keys MAC [--json]\n"
              "        every key of the phone and where it comes from\n"
              "  phones render MAC [--out FILE]\n"
              "        print (or write) the phone's provisioning file\n"
              "  phones reload (MAC | --all) [--provisioning-dir DIR]\n"
              "        write the provisioning files and ask the phones to reload them\n"
              "  phones template list [--json]\n"
              "  phones template create NAME\n"
              "  phones template key NAME INDEX (extension USERNAME [--label TEXT] | number NUMBER --label TEXT | empty | inherit)\n"
              "  phones template attach NAME --group GROUP\n"
              "  phones template detach NAME --group GROUP\n"
              "  phones template delete NAME\n"
              "        key templates: their keys appear on the phones of the group's members\n");
}

int PhoneCommands::run(const QStringList &args)
{
    const QString action = operandsOf(args).value(0);
    if (action == QLatin1String("list"))
        return runList(args);
    if (action == QLatin1String("add"))
        return runAdd(args);
    if (action == QLatin1String("key"))
        return runKey(args);
    if (action == QLatin1String("keys"))
        return runKeys(args);
    if (action == QLatin1String("render"))
        return runRender(args);
    if (action == QLatin1String("reload"))
        return runReload(args);
    if (action == QLatin1String("template"))
        return runTemplate(args);
    if (action.isEmpty() && (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")))) {
        m_io.out << actions();
        m_io.out.flush();
        return CliSuccess;
    }
    if (action.isEmpty())
        m_io.err << tr("Unknown or missing action.") << Qt::endl << actions();
    else
        m_io.err << tr("Unknown action %1.").arg(action) << Qt::endl << actions();
    return CliUsage;
}

int PhoneCommands::findPhone(Store &store, const QString &mac, SipPhone &phone)
{
    auto found = store.phones.findByMac(mac);
    if (!found)
        return m_io.fail(found.error());
    phone = *found;
    return CliGoOn;
}

int PhoneCommands::readKey(Store &store, const QStringList &spec, const QString &label, PhoneKey &key, bool &inherit)
{
    inherit = false;
    const QString type = spec.value(0);
    if (type == QLatin1String("extension") && spec.size() == 2) {
        auto user = store.users.findByUsername(spec.at(1));
        if (!user)
            return m_io.fail(user.error());
        key.type = PhoneKey::Type::Extension;
        key.userId = user->id;
        key.displayName = label;
        return CliGoOn;
    }
    if (type == QLatin1String("number") && spec.size() == 2) {
        if (label.isEmpty()) {
            m_io.err << tr("A phone number key needs --label: the name the phone shows.") << Qt::endl;
            return CliUsage;
        }
        key.type = PhoneKey::Type::External;
        key.number = spec.at(1);
        key.displayName = label;
        return CliGoOn;
    }
    if (type == QLatin1String("empty") && spec.size() == 1) {
        key.type = PhoneKey::Type::Empty;
        return CliGoOn;
    }
    if (type == QLatin1String("inherit") && spec.size() == 1) {
        inherit = true;
        return CliGoOn;
    }
    m_io.err << tr("Say what the key does: extension USERNAME, number NUMBER --label TEXT, empty or inherit.") << Qt::endl;
    return CliUsage;
}

int PhoneCommands::runList(const QStringList &args)
{
    CliParser p(tr("List SIP phones."));
    QCommandLineOption filter(QStringLiteral("filter"), tr("Only phones whose MAC, model, label or owner contains the text."), tr("text"));
    p.parser.addOption(filter);
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List phones."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    ListQuery q;
    q.filter = p.parser.value(filter);
    auto phones = store.phones.list(q);
    if (!phones)
        return m_io.fail(phones.error());
    if (p.parser.isSet(p.json)) {
        QJsonArray arr;
        for (const SipPhone &ph : *phones) {
            QJsonObject o = ph.toJson();
            o.insert(QStringLiteral("owner"), ph.ownerName);
            o.insert(QStringLiteral("pendingPush"), ph.pendingPush);
            arr.append(o);
        }
        m_io.printJson(arr);
        return CliSuccess;
    }
    QList<QStringList> rows;
    for (const SipPhone &ph : *phones)
        rows << QStringList{SipPhone::formatMac(ph.mac), ph.model, ph.ownerName, ph.label, ph.sipAddress,
                            ph.pendingPush ? tr("changes waiting") : QString()};
    m_io.printTable({tr("MAC address"), tr("Model"), tr("User"), tr("Label"), tr("SIP address"), tr("Changes")}, rows);
    return CliSuccess;
}

int PhoneCommands::runAdd(const QStringList &args)
{
    CliParser p(tr("Add a SIP phone."));
    QCommandLineOption model(QStringLiteral("model"), tr("The phone's model: %1.").arg(SipPhone::models().join(QStringLiteral(", "))), tr("model"));
    QCommandLineOption owner(QStringLiteral("owner"), tr("The user whose phone it is (username)."), tr("username"));
    QCommandLineOption address(QStringLiteral("address"), tr("Where the phone receives SIP requests: HOST[:PORT]."), tr("address"));
    QCommandLineOption label(QStringLiteral("label"), tr("A name for the phone, e.g. Reception."), tr("text"));
    QCommandLineOption sipUser(QStringLiteral("sip-user"), tr("The user name the phone challenges reload requests with."), tr("user"));
    QCommandLineOption sipPassword(QStringLiteral("sip-password"), tr("Its password."), tr("password"));
    p.parser.addOptions({model, owner, address, label, sipUser, sipPassword});
    p.parser.addPositionalArgument(QStringLiteral("add"), tr("Add a phone."));
    p.parser.addPositionalArgument(QStringLiteral("MAC"), tr("The phone's MAC address."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 2 || !p.parser.isSet(model) || !p.parser.isSet(owner)) {
        m_io.err << tr("Usage: centrale-cli phones add MAC --model MODEL --owner USERNAME [--address HOST[:PORT]] [--label TEXT]") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto user = store.users.findByUsername(p.parser.value(owner));
    if (!user)
        return m_io.fail(user.error());
    SipPhone phone;
    phone.mac = ops.at(1);
    phone.model = p.parser.value(model);
    phone.ownerId = user->id;
    phone.sipAddress = p.parser.value(address);
    phone.label = p.parser.value(label);
    phone.sipUser = p.parser.value(sipUser);
    phone.sipPassword = p.parser.value(sipPassword);
    phone.pendingPush = true; // it has never received its keys from here
    auto created = store.phones.create(phone);
    if (!created)
        return m_io.fail(created.error());
    m_io.out << tr("Added the %1 %2 of %3.").arg(created->model, SipPhone::formatMac(created->mac), user->displayName()) << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runKey(const QStringList &args)
{
    CliParser p(tr("Program one key of a phone."));
    QCommandLineOption label(QStringLiteral("label"), tr("The name the phone shows for the key."), tr("text"));
    p.parser.addOption(label);
    p.parser.addPositionalArgument(QStringLiteral("key"), tr("Program a key."));
    p.parser.addPositionalArgument(QStringLiteral("MAC INDEX TYPE [VALUE]"),
                                   tr("TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (the template's key)."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    bool indexOk = false;
    const int index = ops.value(2).toInt(&indexOk);
    if (ops.size() < 4 || !indexOk) {
        m_io.err << tr("Usage: centrale-cli phones key MAC INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    SipPhone phone;
    if (int rc = findPhone(store, ops.at(1), phone); rc != CliGoOn)
        return rc;
    PhoneKey key;
    key.index = index;
    bool inherit = false;
    if (int rc = readKey(store, ops.mid(3), p.parser.value(label), key, inherit); rc != CliGoOn)
        return rc;
    if (Status s = store.phones.applyKey({phone.id}, key, inherit ? PhoneRepository::KeyChange::Inherit : PhoneRepository::KeyChange::Set); !s)
        return m_io.fail(s.error());
    if (inherit)
        m_io.out << tr("Key %1 of %2 now follows the key templates.").arg(index).arg(SipPhone::formatMac(phone.mac)) << Qt::endl;
    else
        m_io.out << tr("Key %1 of %2 saved; the phone has changes waiting (phones reload %3).").arg(index).arg(SipPhone::formatMac(phone.mac), phone.mac)
                 << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runKeys(const QStringList &args)
{
    CliParser p(tr("List every key of a phone and where it comes from."));
    p.parser.addPositionalArgument(QStringLiteral("keys"), tr("List keys."));
    p.parser.addPositionalArgument(QStringLiteral("MAC"), tr("The phone's MAC address."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 2) {
        m_io.err << tr("Usage: centrale-cli phones keys MAC [--json]") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    SipPhone phone;
    if (int rc = findPhone(store, ops.at(1), phone); rc != CliGoOn)
        return rc;
    auto keys = store.phones.effectiveKeys(phone);
    if (!keys)
        return m_io.fail(keys.error());
    QJsonArray arr;
    QList<QStringList> rows;
    for (const EffectiveKey &e : *keys) {
        QString value;
        QString label = e.key.displayName;
        if (e.key.type == PhoneKey::Type::Extension) {
            if (auto u = store.users.get(e.key.userId)) {
                value = u->username;
                if (label.isEmpty())
                    label = u->displayName();
            }
        } else if (e.key.type == PhoneKey::Type::External) {
            value = e.key.number;
        }
        QJsonObject o{{QStringLiteral("index"), e.key.index},
                      {QStringLiteral("type"), SipPhone::keyTypeName(e.key.type)},
                      {QStringLiteral("value"), value},
                      {QStringLiteral("label"), label},
                      {QStringLiteral("source"), sourceName(e.source)},
                      {QStringLiteral("inherited"), e.inherited()},
                      {QStringLiteral("overridesTemplate"), e.overridesTemplate}};
        if (!e.templateName.isEmpty()) {
            o.insert(QStringLiteral("template"), e.templateName);
            o.insert(QStringLiteral("group"), e.groupName);
        }
        arr.append(o);
        QString from;
        if (e.inherited())
            from = e.inheritedFrom();
        else if (e.overridesTemplate)
            //: a phone's own key that hides the template's key; %1 the template name
            from = tr("this phone (instead of %1)").arg(e.templateName);
        else if (e.source == EffectiveKey::Source::Phone)
            from = tr("this phone");
        rows << QStringList{QString::number(e.key.index), SipPhone::keyTypeLabel(e.key.type),
                            e.key.type == PhoneKey::Type::External ? PhoneNumbers::formatInternational(value) : value, label, from};
    }
    if (p.parser.isSet(p.json)) {
        m_io.printJson(arr);
        return CliSuccess;
    }
    m_io.printTable({tr("Key"), tr("Type"), tr("Value"), tr("Label"), tr("From")}, rows);
    return CliSuccess;
}

int PhoneCommands::runRender(const QStringList &args)
{
    CliParser p(tr("Print or write a phone's provisioning file, in its vendor's format."));
    QCommandLineOption out(QStringLiteral("out"), tr("Write the file here instead of printing it."), tr("file"));
    p.parser.addOption(out);
    p.parser.addPositionalArgument(QStringLiteral("render"), tr("Render the file."));
    p.parser.addPositionalArgument(QStringLiteral("MAC"), tr("The phone's MAC address."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 2) {
        m_io.err << tr("Usage: centrale-cli phones render MAC [--out FILE]") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    SipPhone phone;
    if (int rc = findPhone(store, ops.at(1), phone); rc != CliGoOn)
        return rc;
    auto registry = RendererRegistry::withKnownVendors();
    auto file = PhoneProvisioning(store, *registry).render(phone);
    if (!file)
        return m_io.fail(file.error());
    if (!p.parser.isSet(out)) {
        m_io.out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return m_io.fail(Error{ErrorCode::Io, tr("Cannot write to the standard output."), {}});
        stdoutFile.write(file->content);
        stdoutFile.flush();
        return CliSuccess;
    }
    QSaveFile target(p.parser.value(out));
    if (!target.open(QIODevice::WriteOnly) || target.write(file->content) != file->content.size() || !target.commit())
        return m_io.fail(Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(p.parser.value(out)), target.errorString()), {}});
    m_io.out << tr("Wrote %1 (%2, %n bytes).", nullptr, int(file->content.size())).arg(QDir::toNativeSeparators(p.parser.value(out)), file->vendor)
             << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runReload(const QStringList &args)
{
    CliParser p(tr("Write the phones' provisioning files and ask each phone to reload its settings."));
    QCommandLineOption all(QStringLiteral("all"), tr("Every phone with changes waiting."));
    QCommandLineOption dir(QStringLiteral("provisioning-dir"), tr("Where to write the provisioning files (default: the folder provisioning beside the store)."),
                           tr("folder"));
    p.parser.addOptions({all, dir});
    p.parser.addPositionalArgument(QStringLiteral("reload"), tr("Reload phones."));
    p.parser.addPositionalArgument(QStringLiteral("MAC"), tr("The phone's MAC address (or --all)."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if ((ops.size() == 2) == p.parser.isSet(all) || ops.size() > 2) {
        m_io.err << tr("Usage: centrale-cli phones reload (MAC | --all)") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    QStringList ids;
    if (p.parser.isSet(all)) {
        auto phones = store.phones.list();
        if (!phones)
            return m_io.fail(phones.error());
        for (const SipPhone &ph : *phones) {
            if (ph.pendingPush)
                ids << ph.id;
        }
        if (ids.isEmpty()) {
            m_io.out << tr("No phone has changes waiting.") << Qt::endl;
            return CliSuccess;
        }
    } else {
        SipPhone phone;
        if (int rc = findPhone(store, ops.at(1), phone); rc != CliGoOn)
            return rc;
        ids << phone.id;
    }
    auto registry = RendererRegistry::withKnownVendors();
    SipPhoneReloader reloader;
    const QString directory = p.parser.isSet(dir) ? p.parser.value(dir) : PhoneProvisioning::directoryFor(store.path());
    PhoneReloadQueue queue(store, *registry, reloader, directory);
    bool allReloaded = true;
    for (const QString &id : ids) {
        const PhoneReloadOutcome o = queue.reloadAndWait(id);
        allReloaded = allReloaded && o.state == PhoneReloadOutcome::State::Reloaded;
        //: %1 MAC address, %2 reloaded / refused / no answer / changes waiting / failed, %3 why
        QString line = tr("%1: %2").arg(SipPhone::formatMac(o.mac), PhoneReloadOutcome::stateText(o.state));
        if (!o.message.isEmpty())
            line += QStringLiteral(" — ") + o.message;
        (o.state == PhoneReloadOutcome::State::Reloaded ? m_io.out : m_io.err) << line << Qt::endl;
    }
    return allReloaded ? CliSuccess : CliFailed;
}

int PhoneCommands::runTemplate(const QStringList &args)
{
    const QString action = operandsOf(args).value(1);
    if (action == QLatin1String("list"))
        return runTemplateList(args);
    if (action == QLatin1String("create"))
        return runTemplateCreate(args);
    if (action == QLatin1String("key"))
        return runTemplateKey(args);
    if (action == QLatin1String("attach"))
        return runTemplateAttach(args, true);
    if (action == QLatin1String("detach"))
        return runTemplateAttach(args, false);
    if (action == QLatin1String("delete"))
        return runTemplateDelete(args);
    m_io.err << (action.isEmpty() ? tr("Unknown or missing action.") : tr("Unknown action %1.").arg(action)) << Qt::endl << actions();
    return CliUsage;
}

int PhoneCommands::runTemplateList(const QStringList &args)
{
    CliParser p(tr("List key templates and the groups they are attached to."));
    p.parser.addPositionalArgument(QStringLiteral("template list"), tr("List templates."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto templates = store.templates.list();
    if (!templates)
        return m_io.fail(templates.error());
    auto groupNames = store.groups.names();
    if (!groupNames)
        return m_io.fail(groupNames.error());
    QJsonArray arr;
    QList<QStringList> rows;
    for (const KeyTemplate &t : *templates) {
        QStringList groups;
        for (const QString &g : t.groupIds)
            groups << groupNames->value(g);
        groups.sort(Qt::CaseInsensitive);
        QJsonObject o = t.toJson();
        o.insert(QStringLiteral("groups"), QJsonArray::fromStringList(groups));
        arr.append(o);
        rows << QStringList{t.name, QString::number(t.keys.size()), groups.join(QStringLiteral(", "))};
    }
    if (p.parser.isSet(p.json)) {
        m_io.printJson(arr);
        return CliSuccess;
    }
    m_io.printTable({tr("Template"), tr("Keys"), tr("Groups")}, rows);
    return CliSuccess;
}

int PhoneCommands::runTemplateCreate(const QStringList &args)
{
    CliParser p(tr("Create an empty key template."));
    p.parser.addPositionalArgument(QStringLiteral("template create"), tr("Create a template."));
    p.parser.addPositionalArgument(QStringLiteral("NAME"), tr("The template's name."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 3) {
        m_io.err << tr("Usage: centrale-cli phones template create NAME") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    KeyTemplate t;
    t.name = ops.at(2);
    auto created = store.templates.create(t);
    if (!created)
        return m_io.fail(created.error());
    m_io.out << tr("Created the key template %1.").arg(created->name) << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runTemplateKey(const QStringList &args)
{
    CliParser p(tr("Program one key of a key template."));
    QCommandLineOption label(QStringLiteral("label"), tr("The name the phones show for the key."), tr("text"));
    p.parser.addOption(label);
    p.parser.addPositionalArgument(QStringLiteral("template key"), tr("Program a template key."));
    p.parser.addPositionalArgument(QStringLiteral("NAME INDEX TYPE [VALUE]"),
                                   tr("TYPE: extension USERNAME, number NUMBER (with --label), empty, or inherit (remove the key from the template)."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    bool indexOk = false;
    const int index = ops.value(3).toInt(&indexOk);
    if (ops.size() < 5 || !indexOk) {
        m_io.err << tr("Usage: centrale-cli phones template key NAME INDEX (extension USERNAME | number NUMBER --label TEXT | empty | inherit)") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto t = store.templates.findByName(ops.at(2));
    if (!t)
        return m_io.fail(t.error());
    PhoneKey key;
    key.index = index;
    bool inherit = false;
    if (int rc = readKey(store, ops.mid(4), p.parser.value(label), key, inherit); rc != CliGoOn)
        return rc;
    if (inherit)
        t->clearKey(index);
    else
        t->setKey(key);
    if (Status s = store.templates.update(*t); !s)
        return m_io.fail(s.error());
    m_io.out << tr("Key %1 of the template %2 saved.").arg(index).arg(t->name) << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runTemplateAttach(const QStringList &args, bool attach)
{
    CliParser p(attach ? tr("Attach a key template to a user group: its keys appear on the members' phones.")
                       : tr("Detach a key template from a user group."));
    QCommandLineOption group(QStringLiteral("group"), tr("The user group's name."), tr("group"));
    p.parser.addOption(group);
    p.parser.addPositionalArgument(attach ? QStringLiteral("template attach") : QStringLiteral("template detach"), tr("Attach or detach."));
    p.parser.addPositionalArgument(QStringLiteral("NAME"), tr("The template's name."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 3 || !p.parser.isSet(group)) {
        m_io.err << tr("Usage: centrale-cli phones template %1 NAME --group GROUP").arg(ops.value(1)) << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto t = store.templates.findByName(ops.at(2));
    if (!t)
        return m_io.fail(t.error());
    auto g = store.groups.findByName(p.parser.value(group));
    if (!g)
        return m_io.fail(g.error());
    if (Status s = attach ? store.templates.attach(t->id, g->id) : store.templates.detach(t->id, g->id); !s)
        return m_io.fail(s.error());
    if (attach)
        m_io.out << tr("The key template %1 now applies to the phones of the group %2.").arg(t->name, g->name) << Qt::endl;
    else
        m_io.out << tr("The key template %1 no longer applies to the group %2.").arg(t->name, g->name) << Qt::endl;
    return CliSuccess;
}

int PhoneCommands::runTemplateDelete(const QStringList &args)
{
    CliParser p(tr("Delete a key template; the members' phones lose its keys."));
    p.parser.addPositionalArgument(QStringLiteral("template delete"), tr("Delete a template."));
    p.parser.addPositionalArgument(QStringLiteral("NAME"), tr("The template's name."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList ops = p.parser.positionalArguments();
    if (ops.size() != 3) {
        m_io.err << tr("Usage: centrale-cli phones template delete NAME") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto t = store.templates.findByName(ops.at(2));
    if (!t)
        return m_io.fail(t.error());
    if (Status s = store.templates.remove(t->id); !s)
        return m_io.fail(s.error());
    m_io.out << tr("Deleted the key template %1.").arg(t->name) << Qt::endl;
    return CliSuccess;
}

} // namespace centrale
