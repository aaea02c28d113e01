//! `pp`: pprint's layout (width 80, one item per line once a container
//! does not fit, dict keys and set items sorted) built from the service's
//! reprs and children, so it needs no `pprint` module in the program.

use pyfast_inspect_proto::v1::Variable;

pub const WIDTH: usize = 80;

/// How `pformat` gets a container's children (all of them, in order).
pub trait Children {
    fn children(&mut self, of: &Variable) -> Option<Vec<Variable>>;
}

/// `pprint.pformat(v)` for what the service shows of `v`.
pub fn pformat(v: &Variable, children: &mut dyn Children) -> String {
    let mut out = String::new();
    format(v, 0, 0, children, &mut out);
    out
}

/// Brackets of the containers pprint lays out; others print their repr.
fn brackets(type_name: &str) -> Option<(&'static str, &'static str)> {
    match type_name {
        "dict" | "set" => Some(("{", "}")),
        "list" => Some(("[", "]")),
        "tuple" => Some(("(", ")")),
        _ => None,
    }
}

/// pprint's `_format`: the repr when it fits in what is left of the line
/// (`allowance` characters must follow it), else the container laid out.
fn format(v: &Variable, indent: usize, allowance: usize, children: &mut dyn Children, out: &mut String) {
    let fits = !v.repr_truncated && v.repr.chars().count() + indent + allowance <= WIDTH;
    let laid_out = match brackets(&v.r#type) {
        Some(b) if !fits && v.child_count > 0 && !v.expression.is_empty() => children.children(v).map(|c| (b, c)),
        _ => None,
    };
    let Some(((open, close), mut items)) = laid_out else {
        out.push_str(&flat(v, children));
        return;
    };
    let is_dict = v.r#type == "dict";
    if is_dict {
        sort_by_key(&mut items, |c| c.name.clone());
    } else if v.r#type == "set" {
        sort_by_key(&mut items, |c| c.repr.clone());
    }
    out.push_str(open);
    let inner = indent + open.len();
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
            out.push_str(&" ".repeat(inner));
        }
        let last = i + 1 == n;
        // The last item is followed by the closing bracket(s), the others by a comma.
        let after = if last { allowance + close.len() } else { 1 };
        if is_dict {
            out.push_str(&item.name);
            out.push_str(": ");
            format(item, inner + item.name.chars().count() + 2, after, children, out);
        } else {
            format(item, inner, after, children, out);
        }
    }
    if v.r#type == "tuple" && n == 1 {
        out.push(',');
    }
    out.push_str(close);
}

/// The repr on one line, with dicts' keys sorted as pprint's `_safe_repr`
/// does (at any depth inside dicts, lists and tuples).
fn flat(v: &Variable, children: &mut dyn Children) -> String {
    let Some((open, close)) = brackets(&v.r#type) else { return v.repr.clone() };
    if v.r#type == "set" || v.child_count == 0 || v.expression.is_empty() || !v.repr.contains('{') {
        return v.repr.clone();
    }
    let Some(mut items) = children.children(v) else { return v.repr.clone() };
    let is_dict = v.r#type == "dict";
    if is_dict {
        sort_by_key(&mut items, |c| c.name.clone());
    }
    let parts: Vec<String> = items
        .iter()
        .map(|c| if is_dict { format!("{}: {}", c.name, flat(c, children)) } else { flat(c, children) })
        .collect();
    let comma = if v.r#type == "tuple" && parts.len() == 1 { "," } else { "" };
    format!("{open}{}{comma}{close}", parts.join(", "))
}

/// pprint sorts dict keys and set items; the reprs are what is known here,
/// so ints sort as numbers and strs by their text, and anything else (or a
/// mix) keeps its order.
fn sort_by_key(items: &mut [Variable], key: impl Fn(&Variable) -> String) {
    let keys: Vec<String> = items.iter().map(&key).collect();
    if let Some(nums) = keys.iter().map(|k| k.parse::<i128>().ok()).collect::<Option<Vec<_>>>() {
        let mut pairs: Vec<(i128, Variable)> = nums.into_iter().zip(items.iter().cloned()).collect();
        pairs.sort_by_key(|p| p.0);
        items.iter_mut().zip(pairs).for_each(|(slot, (_, v))| *slot = v);
    } else if keys.iter().all(|k| k.len() >= 2 && (k.starts_with('\'') || k.starts_with('"'))) {
        let mut pairs: Vec<(String, Variable)> =
            keys.iter().map(|k| k[1..k.len() - 1].to_string()).zip(items.iter().cloned()).collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        items.iter_mut().zip(pairs).for_each(|(slot, (_, v))| *slot = v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(name: &str, ty: &str, repr: &str, kids: u64) -> Variable {
        Variable {
            name: name.into(),
            r#type: ty.into(),
            repr: repr.into(),
            child_count: kids,
            expression: format!("x{name}"),
            ..Default::default()
        }
    }

    /// Children by expression.
    struct Fixed(Vec<(String, Vec<Variable>)>);

    impl Children for Fixed {
        fn children(&mut self, of: &Variable) -> Option<Vec<Variable>> {
            self.0.iter().find(|(e, _)| *e == of.expression).map(|(_, c)| c.clone())
        }
    }

    #[test]
    fn short_values_print_their_repr_with_dict_keys_sorted() {
        let l = var("", "list", "[3, {'b': 1, 'a': 2}]", 2);
        let d = var("[1]", "dict", "{'b': 1, 'a': 2}", 2);
        let kids = vec![
            ("x".into(), vec![var("[0]", "int", "3", 0), d]),
            ("x[1]".into(), vec![var("'b'", "int", "1", 0), var("'a'", "int", "2", 0)]),
        ];
        assert_eq!(pformat(&l, &mut Fixed(kids)), "[3, {'a': 2, 'b': 1}]");
        assert_eq!(pformat(&var("", "str", "'{'", 0), &mut Fixed(vec![])), "'{'");
    }

    #[test]
    fn long_containers_take_a_line_per_item_as_pprint_does() {
        // pprint.pformat({'b': list(range(30)), 'a': 'x' * 10, 10: 1})
        // would not sort mixed keys; here keys are all strs.
        let long_list = (0..30).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let list_repr = format!("[{long_list}]");
        let dict_repr = format!("{{'b': {list_repr}, 'a': 'xxxxxxxxxx'}}");
        let d = var("", "dict", &dict_repr, 2);
        let b = var("'b'", "list", &list_repr, 30);
        let a = var("'a'", "str", "'xxxxxxxxxx'", 0);
        let items: Vec<Variable> = (0..30).map(|i| var(&format!("[{i}]"), "int", &i.to_string(), 0)).collect();
        let mut kids = Fixed(vec![("x".into(), vec![b.clone(), a]), ("x'b'".into(), items)]);
        let got = pformat(&d, &mut kids);
        let mut want = String::from("{'a': 'xxxxxxxxxx',\n 'b': [0,\n");
        for i in 1..29 {
            want.push_str(&format!("       {i},\n"));
        }
        want.push_str("       29]}");
        assert_eq!(got, want);
    }

    #[test]
    fn one_item_tuples_keep_their_comma() {
        let inner = "y".repeat(90);
        let t = var("", "tuple", &format!("('{inner}',)"), 1);
        let kids = Fixed(vec![("x".into(), vec![var("[0]", "str", &format!("'{inner}'"), 0)])]);
        assert_eq!(pformat(&t, &mut { kids }), format!("('{inner}',)"));
    }
}
