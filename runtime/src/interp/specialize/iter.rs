//! Specializing iteration: `FOR_ITER`, `UNPACK_SEQUENCE`, `SEND`.

use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::Opcode;
use crate::objects::{list, tuple, type_ptr_of, types, Value};

use super::{cache, failed, keep_backoff, specialized, stats};

/// `FOR_ITER` with iterator `it`.
pub fn for_iter(code: &CodeObj, index: usize, it: &Value) {
    stats::attempt(Opcode::FOR_ITER);
    let t = types();
    let ty = if it.is_heap() { type_ptr_of(it) } else { t.int };
    let form = if ty == t.range_iterator {
        Opcode::FOR_ITER_RANGE
    } else if ty == t.list_iterator {
        Opcode::FOR_ITER_LIST
    } else if ty == t.tuple_iterator {
        Opcode::FOR_ITER_TUPLE
    } else if ty == t.generator {
        Opcode::FOR_ITER_GEN
    } else {
        return failed(code, index, Opcode::FOR_ITER, "iterator type");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `UNPACK_SEQUENCE` of `arg` items from `seq`.
pub fn unpack_sequence(code: &CodeObj, index: usize, arg: u32, seq: &Value) {
    stats::attempt(Opcode::UNPACK_SEQUENCE);
    let n = arg as usize;
    let form = if let Some(tt) = tuple::as_tuple(seq).filter(|_| type_ptr_of(seq) == types().tuple) {
        if tt.items.len() != n {
            return failed(code, index, Opcode::UNPACK_SEQUENCE, "wrong length");
        }
        if n == 2 {
            Opcode::UNPACK_SEQUENCE_TWO_TUPLE
        } else {
            Opcode::UNPACK_SEQUENCE_TUPLE
        }
    } else if let Some(l) = list::as_list(seq).filter(|_| type_ptr_of(seq) == types().list) {
        if l.len() != n {
            return failed(code, index, Opcode::UNPACK_SEQUENCE, "wrong length");
        }
        Opcode::UNPACK_SEQUENCE_LIST
    } else {
        return failed(code, index, Opcode::UNPACK_SEQUENCE, "sequence type");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `SEND` into `receiver`.
pub fn send(code: &CodeObj, index: usize, receiver: &Value) {
    stats::attempt(Opcode::SEND);
    if !(receiver.is_heap() && type_ptr_of(receiver) == types().generator) {
        return failed(code, index, Opcode::SEND, "receiver not a generator");
    }
    keep_backoff(cache(code, index));
    specialized(code, index, Opcode::SEND_GEN);
}
