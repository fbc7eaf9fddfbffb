//! XML files: `<orders><order><field>value</field>...</order></orders>`, with the
//! nested table as `<items><item>...</item></items>` inside each record. Only the
//! shape a dataset file may have is accepted; entity and character references are
//! resolved into text, and an empty element is a missing value.

use super::super::report::Findings;
use super::super::value::shown;
use super::loader::Loader;
use crate::schema::Nesting;
use std::io::{BufReader, Read};

pub fn read(source: impl Read, loader: &mut Loader, found: &mut Findings) -> Result<(), String> {
    let mut xml = XmlReader::new(source, loader.nesting());
    let root = loader.name();
    let row_tag = loader.spec().row_tag;
    loop {
        match xml.next()? {
            XmlEvent::Start(name) if name == root => break,
            XmlEvent::Empty(name) if name == root => return xml.expect_end_of_document(root),
            XmlEvent::Start(name) | XmlEvent::Empty(name) => {
                return Err(format!("the root element is <{name}>, expected <{root}>"));
            }
            XmlEvent::Text(t) if t.trim().is_empty() => {}
            XmlEvent::Text(_) => return Err("text before the root element".to_string()),
            XmlEvent::Skip => {}
            XmlEvent::End => return Err("a closing tag before the root element".to_string()),
            XmlEvent::Eof => return Err("no root element".to_string()),
        }
    }
    loop {
        match xml.next()? {
            XmlEvent::Start(name) if name == row_tag => {
                let (pairs, children) = xml.record(row_tag, true)?;
                add_record(loader, &pairs, children, found)?;
            }
            XmlEvent::Empty(name) if name == row_tag => add_record(loader, &[], None, found)?,
            XmlEvent::Start(name) | XmlEvent::Empty(name) => {
                return Err(format!(
                    "element <{name}> in <{root}>, where rows are <{row_tag}>"
                ));
            }
            XmlEvent::Text(t) if t.trim().is_empty() => {}
            XmlEvent::Text(t) => return Err(format!("text {} inside <{root}>", shown(&t))),
            XmlEvent::Skip => {}
            XmlEvent::End => return xml.expect_end_of_document(root),
            XmlEvent::Eof => return Err(format!("the document ends before </{root}>")),
        }
    }
}

fn add_record(
    loader: &mut Loader,
    pairs: &[(String, Option<String>)],
    children: Option<Vec<XmlPairs>>,
    found: &mut Findings,
) -> Result<(), String> {
    let mut names: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    if let (Some(nesting), Some(_)) = (loader.nesting(), &children) {
        names.push(nesting.wrapper);
    }
    let view: Vec<(&str, Option<&str>)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_deref()))
        .collect();
    loader.add_row(&names, &view, found)?;
    let key = loader.spec().key_field().name;
    let parent_key = view.iter().find(|p| p.0 == key).and_then(|p| p.1);
    for child in children.iter().flatten() {
        let child: Vec<(&str, Option<&str>)> = child
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        loader.add_child(parent_key, &child, found)?;
    }
    Ok(())
}

type XmlPairs = Vec<(String, Option<String>)>;

/// XML events reduced to what a dataset file may hold.
enum XmlEvent {
    Start(String),
    Empty(String),
    End,
    Text(String),
    /// Declarations, comments, processing instructions.
    Skip,
    Eof,
}

struct XmlReader<R: Read> {
    reader: quick_xml::Reader<BufReader<R>>,
    buf: Vec<u8>,
    /// Where the records hold a nested table.
    nesting: Option<Nesting>,
}

impl<R: Read> XmlReader<R> {
    fn new(source: R, nesting: Option<Nesting>) -> Self {
        XmlReader {
            reader: quick_xml::Reader::from_reader(BufReader::new(source)),
            buf: Vec::new(),
            nesting,
        }
    }

    fn next(&mut self) -> Result<XmlEvent, String> {
        use quick_xml::events::Event;
        self.buf.clear();
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => event,
            Err(e) => {
                return Err(format!(
                    "not well-formed XML at byte {}: {e}",
                    self.reader.error_position()
                ));
            }
        };
        let at = self.reader.buffer_position();
        Ok(match event {
            Event::Start(e) => XmlEvent::Start(e.name().as_ref().to_string()),
            Event::Empty(e) => XmlEvent::Empty(e.name().as_ref().to_string()),
            Event::End(_) => XmlEvent::End,
            Event::Text(t) => XmlEvent::Text(t.xml10_content().into_owned()),
            Event::CData(t) => XmlEvent::Text(t.into_inner().into_owned()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                        .ok_or_else(|| format!("unknown entity &{}; at byte {at}", &*r))?
                        .to_string(),
                    Err(e) => return Err(format!("bad character reference at byte {at}: {e}")),
                };
                XmlEvent::Text(resolved)
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => XmlEvent::Skip,
            Event::Eof => XmlEvent::Eof,
        })
    }

    /// The fields of a record element (whose start was just read), and its nested
    /// records when `nested` and the file has a nested table.
    fn record(
        &mut self,
        tag: &str,
        nested: bool,
    ) -> Result<(XmlPairs, Option<Vec<XmlPairs>>), String> {
        let wrapper = self.nesting.filter(|_| nested).map(|n| n.wrapper);
        let mut pairs = Vec::new();
        let mut children: Option<Vec<XmlPairs>> = None;
        loop {
            match self.next()? {
                XmlEvent::Start(name) if Some(name.as_str()) == wrapper => {
                    if children.is_some() {
                        return Err(format!("a <{tag}> repeats <{name}>"));
                    }
                    children = Some(self.children()?);
                }
                XmlEvent::Empty(name) if Some(name.as_str()) == wrapper => {
                    if children.is_some() {
                        return Err(format!("a <{tag}> repeats <{name}>"));
                    }
                    children = Some(Vec::new());
                }
                XmlEvent::Start(name) => {
                    let value = self.text_of(&name)?;
                    pairs.push((name, value));
                }
                XmlEvent::Empty(name) => pairs.push((name, None)),
                XmlEvent::End => return Ok((pairs, children)),
                XmlEvent::Text(t) if t.trim().is_empty() => {}
                XmlEvent::Text(t) => {
                    return Err(format!("text {} directly inside <{tag}>", shown(&t)));
                }
                XmlEvent::Skip => {}
                XmlEvent::Eof => return Err(format!("the document ends inside <{tag}>")),
            }
        }
    }

    fn children(&mut self) -> Result<Vec<XmlPairs>, String> {
        let Some(Nesting { wrapper, tag, .. }) = self.nesting else {
            return Ok(Vec::new());
        };
        let mut children = Vec::new();
        loop {
            match self.next()? {
                XmlEvent::Start(name) if name == tag => children.push(self.record(tag, false)?.0),
                XmlEvent::Empty(name) if name == tag => children.push(Vec::new()),
                XmlEvent::Start(name) | XmlEvent::Empty(name) => {
                    return Err(format!(
                        "element <{name}> in <{wrapper}>, where items are <{tag}>"
                    ));
                }
                XmlEvent::End => return Ok(children),
                XmlEvent::Text(t) if t.trim().is_empty() => {}
                XmlEvent::Text(t) => return Err(format!("text {} inside <{wrapper}>", shown(&t))),
                XmlEvent::Skip => {}
                XmlEvent::Eof => return Err(format!("the document ends inside <{wrapper}>")),
            }
        }
    }

    /// The text of a field element (whose start was just read); empty is missing.
    fn text_of(&mut self, field: &str) -> Result<Option<String>, String> {
        let mut value = String::new();
        loop {
            match self.next()? {
                XmlEvent::Text(t) => value.push_str(&t),
                XmlEvent::End => return Ok((!value.is_empty()).then_some(value)),
                XmlEvent::Skip => {}
                XmlEvent::Start(name) | XmlEvent::Empty(name) => {
                    return Err(format!("element <{name}> inside field <{field}>"));
                }
                XmlEvent::Eof => return Err(format!("the document ends inside <{field}>")),
            }
        }
    }

    fn expect_end_of_document(&mut self, root: &str) -> Result<(), String> {
        loop {
            match self.next()? {
                XmlEvent::Eof => return Ok(()),
                XmlEvent::Text(t) if t.trim().is_empty() => {}
                XmlEvent::Skip => {}
                _ => return Err(format!("content after </{root}>")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Entity, Table};

    fn read_text(
        spec: &'static crate::schema::TableSpec,
        nested: Option<&'static crate::schema::TableSpec>,
        text: &str,
    ) -> (Loader, Findings) {
        let mut loader = Loader::new(spec, nested);
        let mut found = Findings::default();
        read(text.as_bytes(), &mut loader, &mut found).expect("well-formed");
        (loader, found)
    }

    #[test]
    fn xml_text_is_unescaped_and_empty_elements_are_missing() {
        let id = "32efd717-b77e-45e5-8ef7-add88020ce1b";
        let tag = Entity::Categories.table().row_tag;
        let text = format!(
            "<?xml version=\"1.0\"?>\n<categories>\n<{tag}><category_id>{id}</category_id>\
             <name>Home &amp; Kitchen &#x3C;&#60;<!-- note --><![CDATA[ & more]]></name>\
             <slug>home</slug><parent_category_id/><level>1</level>\
             <description></description></{tag}>\n</categories>\n"
        );
        let (loader, found) = read_text(Entity::Categories.table(), None, &text);
        assert!(found.into_violations().is_empty());
        let (t, _) = loader.finish();
        assert_eq!(t.len(), 1);
        let get = |name: &str| t.get(0, t.spec.position(name).expect("a field"));
        assert_eq!(get("name"), Some("Home & Kitchen << & more"));
        assert_eq!(get("category_id"), Some(id));
        assert_eq!(get("parent_category_id"), None);
        assert_eq!(get("description"), None);
    }

    #[test]
    fn nested_items_take_their_order_id() {
        let order = |id: &str, items: &[&str]| {
            let items: String = items
                .iter()
                .map(|item| format!("<item><order_item_id>{item}</order_item_id></item>"))
                .collect();
            format!("<order><order_id>{id}</order_id><items>{items}</items></order>")
        };
        let text = format!(
            "<orders>{}{}</orders>",
            order("a", &["a1", "a2"]),
            order("b", &["b1"])
        );
        let items = Table::OrderItems.spec();
        let (loader, _) = read_text(Entity::Orders.table(), Some(items), &text);
        let (orders, items) = loader.finish();
        let items = items.expect("nested items");
        assert_eq!((orders.len(), items.len()), (2, 3));
        let order_id = items.spec.position("order_id").expect("a field");
        let item_id = items.spec.position("order_item_id").expect("a field");
        let pairs: Vec<(Option<&str>, Option<&str>)> = (0..3)
            .map(|r| (items.get(r, item_id), items.get(r, order_id)))
            .collect();
        assert_eq!(
            pairs,
            [
                (Some("a1"), Some("a")),
                (Some("a2"), Some("a")),
                (Some("b1"), Some("b"))
            ]
        );
    }

    #[test]
    fn a_document_of_another_shape_is_refused_with_its_place() {
        let spec = Entity::Users.table();
        for (text, expected) in [
            (
                "<users><user><email>a<b/></email></user></users>",
                "element <b> inside field <email>",
            ),
            (
                "<people/>",
                "the root element is <people>, expected <users>",
            ),
            ("<users><user>", "the document ends inside <user>"),
            ("<users></users><users/>", "content after </users>"),
        ] {
            let mut loader = Loader::new(spec, None);
            let problem =
                read(text.as_bytes(), &mut loader, &mut Findings::default()).expect_err("refused");
            assert!(problem.contains(expected), "{text}: {problem}");
        }
    }
}
