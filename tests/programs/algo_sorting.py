# Insertion sort, merge sort and quicksort written by hand over lists (no sort built-ins).
def insertion_sort(items):
    a = items[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
def quicksort(a):
    if len(a) < 2:
        return a
    pivot = a[len(a) // 2]
    less = []
    equal = []
    greater = []
    for x in a:
        if x < pivot:
            less.append(x)
        elif x == pivot:
            equal.append(x)
        else:
            greater.append(x)
    return quicksort(less) + equal + quicksort(greater)
seed = 12345
data = []
for _ in range(300):
    seed = (seed * 1103515245 + 12345) % 2147483648
    data.append(seed % 1000 - 500)
s1 = insertion_sort(data)
s2 = merge_sort(data)
s3 = quicksort(data)
print(s1[:10], s1[-5:])
print(s1 == s2, s2 == s3, len(s3), data[:5])
print(merge_sort(['pear', 'apple', 'fig', 'Banana', 'apple']), quicksort([3.5, -1, 2, 2.0, 0]))
print(insertion_sort([]), merge_sort([1]), quicksort([(2, 'b'), (1, 'z'), (2, 'a')]))
